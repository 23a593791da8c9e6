package io.herokusdk.postgres;

/**
 * How {@link PostgresCopy} writes and reads CSV: PostgreSQL's {@code COPY ... (FORMAT csv)}
 * options. Immutable; start from {@link #defaults()} and change what differs:
 *
 * <pre>{@code
 * CsvOptions.defaults().withDelimiter(';').withNullString("\\N")
 * }</pre>
 *
 * @param header true if the first line holds the column names (written on export, skipped on
 *     import)
 * @param delimiter the character between fields; one single-byte character, not a line break
 * @param nullString how SQL NULL is written; an unquoted empty field by default, so that NULL and
 *     the empty string ({@code ""}) stay apart
 * @param quote the character that quotes fields holding the delimiter, the quote, line breaks or
 *     the null string; one single-byte character
 */
public record CsvOptions(boolean header, char delimiter, String nullString, char quote) {
  private static final CsvOptions DEFAULTS = new CsvOptions(true, ',', "", '"');

  /**
   * Checks the options as PostgreSQL would, so that a mistake fails here and not mid-COPY.
   *
   * @param header true if the first line holds the column names
   * @param delimiter the character between fields
   * @param nullString how SQL NULL is written, not null
   * @param quote the character that quotes fields
   * @throws IllegalArgumentException if a character is not single-byte ASCII or is a line break,
   *     the delimiter equals the quote, or the null string holds a line break
   */
  public CsvOptions {
    if (nullString == null) throw new NullPointerException("nullString == null");
    checkCharacter("delimiter", delimiter);
    checkCharacter("quote", quote);
    if (delimiter == quote) {
      throw new IllegalArgumentException("CSV delimiter and quote must differ, both are '"
          + delimiter + "'");
    }
    if (nullString.indexOf('\n') >= 0 || nullString.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("CSV null string must not contain a line break");
    }
  }

  private static void checkCharacter(String what, char c) {
    if (c == 0 || c > 0x7f || c == '\n' || c == '\r') {
      throw new IllegalArgumentException("CSV " + what + " must be one single-byte character "
          + "other than a line break, got U+" + String.format("%04X", (int) c));
    }
  }

  /**
   * A header line, {@code ,} between fields, NULL as an empty unquoted field, {@code "} quotes.
   *
   * @return PostgreSQL's own CSV defaults, except with a header line
   */
  public static CsvOptions defaults() {
    return DEFAULTS;
  }

  /**
   * These options with {@link #header()} set to {@code header}.
   *
   * @param header true if the first line holds the column names
   * @return new options; these are unchanged
   */
  public CsvOptions withHeader(boolean header) {
    return new CsvOptions(header, delimiter, nullString, quote);
  }

  /**
   * These options with {@link #delimiter()} set to {@code delimiter}.
   *
   * @param delimiter the character between fields, like {@code ';'} or {@code '\t'}
   * @return new options; these are unchanged
   * @throws IllegalArgumentException if it is not single-byte ASCII, is a line break or equals
   *     the quote
   */
  public CsvOptions withDelimiter(char delimiter) {
    return new CsvOptions(header, delimiter, nullString, quote);
  }

  /**
   * These options with {@link #nullString()} set to {@code nullString}.
   *
   * @param nullString how SQL NULL is written, like {@code \N}; no line break
   * @return new options; these are unchanged
   * @throws IllegalArgumentException if it holds a line break
   */
  public CsvOptions withNullString(String nullString) {
    return new CsvOptions(header, delimiter, nullString, quote);
  }

  /**
   * These options with {@link #quote()} set to {@code quote}.
   *
   * @param quote the character that quotes fields, like {@code '\''}
   * @return new options; these are unchanged
   * @throws IllegalArgumentException if it is not single-byte ASCII, is a line break or equals
   *     the delimiter
   */
  public CsvOptions withQuote(char quote) {
    return new CsvOptions(header, delimiter, nullString, quote);
  }
}
