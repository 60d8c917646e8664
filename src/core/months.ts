/**
 * The name of a month, solar, Gregorian or lunar, with ماه or without (آبان, آبان‌ماه, ژوئن, رمضان): one word, as the
 * tagger (ordinalBeforeMonth) and the parser's post-rule 4 read a date's month after its day.
 */
export const MONTH_NAME =
  /^(?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر|محرم|صفر|رمضان|شوال|رجب|شعبان)(?:\u200c?ماه)?$/;
