/**
 * Arabic function words that are not Persian words (عن, فی, هذا, قال, الی, الذی, ...): where they stand, the text is an
 * Arabic passage — a quotation, a hadith, a title. The spelling checker reads their neighbours as Arabic; keywords
 * leave them out. Keys as the spelling checker's (Persian letters: ی, ک). Pure data.
 */
export const ARABIC_FUNCTION_WORDS: ReadonlySet<string> = new Set(['عن', 'فی', 'هذا', 'هذه', 'ذلک', 'قال', 'الی', 'لها', 'لهم', 'التی', 'الذی', 'الذین', 'انه', 'علیها', 'ثم', 'کان', 'لم', 'لن', 'قد', 'لیس', 'هو', 'هی', 'انما', 'الا', 'بن']);
