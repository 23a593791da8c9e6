package io.herokusdk.api.logs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code key=value key="quoted value"} pairs (logfmt, as Heroku's router and runtime metrics
 * write them). Never throws: an unterminated quote runs to the end, a bare key has the value "".
 */
final class Logfmt {
  private Logfmt() {}

  static Map<String, String> parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) == ' ') i++;
      int keyStart = i;
      while (i < n && text.charAt(i) != '=' && text.charAt(i) != ' ') i++;
      String key = text.substring(keyStart, i);
      if (i >= n || text.charAt(i) == ' ') {
        if (!key.isEmpty()) fields.putIfAbsent(key, "");
        continue;
      }
      i++; // '='
      StringBuilder value = new StringBuilder();
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (i < n && text.charAt(i) != '"') {
          char c = text.charAt(i);
          if (c == '\\' && i + 1 < n) {
            c = text.charAt(++i);
          }
          value.append(c);
          i++;
        }
        i++; // closing quote, if any
      } else {
        while (i < n && text.charAt(i) != ' ') value.append(text.charAt(i++));
      }
      if (!key.isEmpty()) fields.putIfAbsent(key, value.toString());
    }
    return Collections.unmodifiableMap(fields);
  }
}
