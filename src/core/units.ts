/**
 * Words of units that a number counts (۳۰۰ گرم, ۱۲٬۵۰۰ تومان, ۵۰ mg), in groups, shared by the tagger (a unit after
 * digits is NOUN) and the keyword ranking (a unit after a number is part of a quantity, no keyword), each of which
 * takes the groups it needs.
 */

/** units of weight, volume, length and temperature, and درصد */
export const WEIGHTS_AND_MEASURES = ['درصد', 'گرم', 'کیلوگرم', 'میلی‌گرم', 'کیلو', 'تن', 'مثقال', 'لیتر', 'میلی‌لیتر', 'سی‌سی', 'متر',
  'سانتی‌متر', 'سانتیمتر', 'میلی‌متر', 'میلیمتر', 'کیلومتر', 'اینچ', 'درجه'] as const;

/** a kitchen's measures and words of counting things (۲ قاشق, ۳ حبه, ۱ بسته) */
export const KITCHEN_AND_COUNTING = ['سیر', 'پیمانه', 'قاشق', 'لیوان', 'فنجان', 'استکان', 'بسته', 'حبه', 'دانه', 'عدد', 'قطعه', 'تکه',
  'برش', 'کیسه', 'قوطی', 'بطری', 'شیشه', 'مشت', 'قاشق‌چای‌خوری', 'قاشق‌غذاخوری',
  // (a unit counted: a course's credits, ۳ واحد; apartments, factories, ۱۲۰ واحد مسکونی; an index's points)
  'واحد'] as const;

/** currencies */
export const CURRENCIES = ['تومان', 'تومن', 'ریال', 'دلار', 'یورو', 'پوند', 'درهم', 'لیر', 'روبل', 'یوان', 'افغانی'] as const;

/** units of science, energy, power and data */
export const SCIENCE_AND_DATA = ['میکروگرم', 'هکتار', 'کالری', 'کیلوکالری', 'وات', 'کیلووات', 'مگاوات', 'ولت', 'بایت', 'کیلوبایت',
  'مگابایت', 'گیگابایت', 'ترابایت', 'مگاپیکسل', 'هرتز', 'گیگاهرتز'] as const;

/** Latin abbreviations of units, lower case */
export const LATIN_UNITS = ['mg', 'g', 'kg', 'mcg', 'ml', 'cc', 'l', 'cm', 'mm', 'km', 'mg/kg', 'mg/ml', 'kb', 'mb', 'gb', 'tb', 'ghz',
  'mhz', 'kcal', '°c', '°f', '℃', '℉', 'km/h'] as const;
