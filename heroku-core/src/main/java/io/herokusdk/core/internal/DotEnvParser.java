package io.herokusdk.core.internal;

import io.herokusdk.core.InvalidConfigVarException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses the {@code .env} format that {@code heroku local} reads.
 *
 * <ul>
 *   <li>{@code NAME=value} per line; blank lines and lines starting with '#' are ignored;
 *       {@code export NAME=value} is accepted.
 *   <li>Names start with a letter or '_' and continue with letters, digits, '_', '.' or '-'.
 *   <li>Unquoted values are trimmed; a '#' after whitespace starts a comment.
 *   <li>Single-quoted values are literal. Double-quoted values understand {@code \n \r \t \" \\}
 *       (other backslashes are kept). Both kinds of quotes may span lines.
 *   <li>{@code ${VAR}} is not expanded. A name given twice takes the later value.
 * </ul>
 *
 * <p>Errors name the file and line, and at most the var's name; never the value.
 */
public final class DotEnvParser {
  private final String fileName;
  private final String text;
  private int pos;
  private int line = 1;

  private DotEnvParser(String fileName, String text) {
    this.fileName = fileName;
    this.text = text;
  }

  /**
   * Parses {@code text}, the content of the file called {@code fileName} in error messages.
   * Values may be empty; the caller decides what that means.
   *
   * @throws InvalidConfigVarException for a line that is not {@code NAME=value}
   */
  public static Map<String, String> parse(String fileName, String text) {
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    if (normalized.startsWith("\uFEFF")) normalized = normalized.substring(1);
    return new DotEnvParser(fileName, normalized).parseAll();
  }

  private Map<String, String> parseAll() {
    Map<String, String> vars = new LinkedHashMap<>();
    while (pos < text.length()) {
      skipBlanks();
      if (pos >= text.length()) break;
      char c = text.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        continue;
      }
      if (c == '#') {
        skipToEndOfLine();
        continue;
      }
      int startLine = line;
      if (text.startsWith("export", pos)
          && pos + 6 < text.length()
          && isBlank(text.charAt(pos + 6))) {
        pos += 6;
        skipBlanks();
      }
      String name = readName();
      if (name == null) {
        throw error(startLine, null, "does not start with a name; every line must look like "
            + "NAME=value (names start with a letter or '_').");
      }
      skipBlanks();
      if (pos >= text.length() || text.charAt(pos) != '=') {
        throw error(startLine, null, "has no '=' after the name; every line must look like "
            + "NAME=value.");
      }
      pos++;
      vars.remove(name);
      vars.put(name, readValue(name, startLine));
    }
    return vars;
  }

  private @Nullable String readName() {
    int start = pos;
    if (pos < text.length()) {
      char first = text.charAt(pos);
      if (!(Character.isLetter(first) && first < 128) && first != '_') return null;
    }
    while (pos < text.length()) {
      char c = text.charAt(pos);
      boolean ok = (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '.'
          || c == '-';
      if (!ok) break;
      pos++;
    }
    return pos == start ? null : text.substring(start, pos);
  }

  private String readValue(String name, int startLine) {
    int valueStart = pos;
    skipBlanks();
    if (pos < text.length() && text.charAt(pos) == '\'') {
      pos++;
      int close = text.indexOf('\'', pos);
      if (close < 0) {
        throw error(startLine, name, "has a single-quoted value that is never closed; add the "
            + "closing '.");
      }
      String value = text.substring(pos, close);
      line += countNewlines(value);
      pos = close + 1;
      expectEndOfLine(name);
      return value;
    }
    if (pos < text.length() && text.charAt(pos) == '"') {
      pos++;
      StringBuilder value = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw error(startLine, name, "has a double-quoted value that is never closed; add the "
              + "closing \" (write a \" inside the value as \\\").");
        }
        char c = text.charAt(pos++);
        if (c == '"') break;
        if (c == '\n') line++;
        if (c == '\\' && pos < text.length()) {
          char escaped = text.charAt(pos++);
          switch (escaped) {
            case 'n':
              value.append('\n');
              break;
            case 'r':
              value.append('\r');
              break;
            case 't':
              value.append('\t');
              break;
            case '"':
            case '\\':
              value.append(escaped);
              break;
            default:
              if (escaped == '\n') line++;
              value.append('\\').append(escaped);
          }
          continue;
        }
        value.append(c);
      }
      expectEndOfLine(name);
      return value.toString();
    }
    int end = text.indexOf('\n', pos);
    if (end < 0) end = text.length();
    String raw = text.substring(valueStart, end);
    pos = end;
    for (int i = 1; i < raw.length(); i++) {
      if (raw.charAt(i) == '#' && isBlank(raw.charAt(i - 1))) {
        raw = raw.substring(0, i);
        break;
      }
    }
    return raw.strip();
  }

  /** After a closing quote only blanks and a comment may follow. */
  private void expectEndOfLine(String name) {
    int closingLine = line;
    skipBlanks();
    if (pos >= text.length() || text.charAt(pos) == '\n') return;
    if (text.charAt(pos) == '#') {
      skipToEndOfLine();
      return;
    }
    throw error(closingLine, name, "has text after the closing quote of the value; remove it, "
        + "or put the whole value in the quotes.");
  }

  private InvalidConfigVarException error(
      int atLine, @Nullable String name, String problemAndFix) {
    String subject = name == null ? "" : " (" + name + ")";
    return new InvalidConfigVarException(
        name, fileName + " line " + atLine + subject + " " + problemAndFix);
  }

  private void skipBlanks() {
    while (pos < text.length() && isBlank(text.charAt(pos))) pos++;
  }

  private void skipToEndOfLine() {
    while (pos < text.length() && text.charAt(pos) != '\n') pos++;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
  }

  private static int countNewlines(String value) {
    int count = 0;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '\n') count++;
    }
    return count;
  }
}
