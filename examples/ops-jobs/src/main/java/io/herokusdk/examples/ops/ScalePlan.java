package io.herokusdk.examples.ops;

import io.herokusdk.core.InvalidConfigVarException;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A formation by time of day, from {@code SCALE_PLAN}: entries separated by {@code ;}, each a
 * time and the formation from then on, e.g. {@code 22:00 web=1 worker=0; 07:00 web=2:standard-2X
 * worker=1}. The entry in force is the last one at or before the current time, wrapping to the
 * previous day's last entry before the first.
 */
record ScalePlan(List<Entry> entries) {
  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  /** One process type's target: a quantity and, optionally, a dyno size. */
  record Target(long quantity, String size) {}

  /** From {@code at} on, these process types should have these targets. */
  record Entry(LocalTime at, Map<String, Target> targets) {}

  ScalePlan {
    entries = List.copyOf(entries);
  }

  static ScalePlan parse(String text, String var) {
    List<Entry> entries = new ArrayList<>();
    for (String part : text.split(";")) {
      String entry = part.strip();
      if (entry.isEmpty()) continue;
      String[] words = entry.split("\\s+");
      LocalTime at;
      try {
        at = LocalTime.parse(words[0].length() == 4 ? "0" + words[0] : words[0]);
      } catch (DateTimeParseException e) {
        throw new InvalidConfigVarException(var, var + ": '" + words[0] + "' is not a time of "
            + "day; write entries like \"22:00 web=1 worker=0; 07:00 web=2 worker=1\"");
      }
      Map<String, Target> targets = new LinkedHashMap<>();
      for (int i = 1; i < words.length; i++) {
        String[] typeAndValue = words[i].split("=", 2);
        if (typeAndValue.length != 2 || !TYPE.matcher(typeAndValue[0]).matches()) {
          throw new InvalidConfigVarException(var, var + ": '" + words[i] + "' at " + at
              + " is not type=quantity or type=quantity:size");
        }
        String[] quantityAndSize = typeAndValue[1].split(":", 2);
        long quantity;
        try {
          quantity = Long.parseLong(quantityAndSize[0]);
        } catch (NumberFormatException e) {
          quantity = -1;
        }
        if (quantity < 0) {
          throw new InvalidConfigVarException(var, var + ": the quantity of " + typeAndValue[0]
              + " at " + at + " must be a whole number 0 or more, not '" + quantityAndSize[0]
              + "'");
        }
        String size = quantityAndSize.length == 2 && !quantityAndSize[1].isBlank()
            ? quantityAndSize[1] : null;
        if (targets.put(typeAndValue[0], new Target(quantity, size)) != null) {
          throw new InvalidConfigVarException(var, var + ": " + typeAndValue[0]
              + " is given twice at " + at);
        }
      }
      if (targets.isEmpty()) {
        throw new InvalidConfigVarException(var, var + ": the entry at " + at
            + " names no process type");
      }
      if (entries.stream().anyMatch(e -> e.at().equals(at))) {
        throw new InvalidConfigVarException(var, var + ": " + at + " appears twice");
      }
      entries.add(new Entry(at, targets));
    }
    if (entries.isEmpty()) {
      throw new InvalidConfigVarException(var, var + " has no entries; write e.g. "
          + "\"22:00 web=1 worker=0; 07:00 web=2 worker=1\"");
    }
    entries.sort(Comparator.comparing(Entry::at));
    return new ScalePlan(entries);
  }

  /** The entry in force at {@code now} (in the plan's time zone). */
  Entry inForceAt(ZonedDateTime now) {
    LocalTime time = now.toLocalTime();
    Entry current = entries.get(entries.size() - 1);
    for (Entry e : entries) {
      if (!e.at().isAfter(time)) current = e;
    }
    return current;
  }
}
