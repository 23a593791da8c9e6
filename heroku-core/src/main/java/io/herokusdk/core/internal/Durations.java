package io.herokusdk.core.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Parses durations written as "250ms", "30s", "5m", "1h", "2d", plain seconds or ISO-8601. */
public final class Durations {
  private Durations() {}

  /** Returns the duration, or null if {@code text} is not one, is negative or is too large. */
  public static @Nullable Duration parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("p")) {
      try {
        Duration parsed = Duration.parse(value);
        return parsed.isNegative() ? null : parsed;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    int digits = 0;
    while (digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0 || digits > 18) return null;
    long amount = Long.parseLong(value.substring(0, digits));
    String unit = value.substring(digits);
    try {
      switch (unit) {
        case "ms":
          return Duration.ofMillis(amount);
        case "":
        case "s":
          return Duration.ofSeconds(amount);
        case "m":
          return Duration.ofMinutes(amount);
        case "h":
          return Duration.ofHours(amount);
        case "d":
          return Duration.ofDays(amount);
        default:
          return null;
      }
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
