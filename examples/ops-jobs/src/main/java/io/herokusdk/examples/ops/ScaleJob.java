package io.herokusdk.examples.ops;

import io.herokusdk.api.Heroku;
import io.herokusdk.api.HerokuApiException;
import io.herokusdk.api.model.App;
import io.herokusdk.api.model.Formation;
import io.herokusdk.api.workflow.Dynos;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies the {@link ScalePlan} entry in force now: scales only the process types that differ
 * (no PATCH when the formation is already right), and never scales an app in maintenance.
 */
final class ScaleJob {
  /** What a run did. */
  enum Outcome { SCALED, ALREADY_RIGHT, SKIPPED_MAINTENANCE }

  /** The outcome and the changes made ({@code web: 2 -> 1}). */
  record Result(Outcome outcome, List<String> changes) {}

  /** Which app, which plan, which time zone. */
  record Settings(String app, ScalePlan plan, ZoneId zone) {
    static Settings from(ConfigVars config) {
      String zone = config.get("SCALE_TIMEZONE").orElse("UTC");
      ZoneId id;
      try {
        id = ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw new InvalidConfigVarException("SCALE_TIMEZONE", "SCALE_TIMEZONE: '" + zone
            + "' is not a time zone; use a region id like Europe/Paris or America/New_York");
      }
      return new Settings(config.require("SCALE_APP", "the app to scale"),
          ScalePlan.parse(config.require("SCALE_PLAN",
              "e.g. \"22:00 web=1 worker=0; 07:00 web=2 worker=1\""), "SCALE_PLAN"), id);
    }
  }

  private final Heroku heroku;
  private final Settings settings;
  private final Clock clock;
  private final PrintStream out;

  ScaleJob(Heroku heroku, Settings settings, Clock clock, PrintStream out) {
    this.heroku = heroku;
    this.settings = settings;
    this.clock = clock;
    this.out = out;
  }

  Result run() {
    String appName = settings.app();
    ScalePlan.Entry entry = settings.plan().inForceAt(ZonedDateTime.now(clock.withZone(
        settings.zone())));
    try {
      App app = heroku.apps().info(appName);
      if (Boolean.TRUE.equals(app.maintenance())) {
        out.println(appName + " is in maintenance mode: not scaling it (plan entry "
            + entry.at() + ")");
        return new Result(Outcome.SKIPPED_MAINTENANCE, List.of());
      }
      Map<String, Formation> current = heroku.formation().list(appName).stream()
          .collect(Collectors.toMap(Formation::type, Function.identity()));
      Map<String, Dynos.Scale> changes = new LinkedHashMap<>();
      List<String> described = new java.util.ArrayList<>();
      for (Map.Entry<String, ScalePlan.Target> t : entry.targets().entrySet()) {
        Formation f = current.get(t.getKey());
        if (f == null) {
          throw new OpsJobException("SCALE_PLAN names process type " + t.getKey()
              + ", which " + appName + " does not have (it has " + String.join(", ",
                  current.keySet()) + ")");
        }
        ScalePlan.Target target = t.getValue();
        String size = sizeOf(f);
        boolean quantityDiffers = f.quantity() == null || f.quantity() != target.quantity();
        boolean sizeDiffers = target.size() != null && !target.size().equalsIgnoreCase(size);
        if (quantityDiffers || sizeDiffers) {
          changes.put(t.getKey(), new Dynos.Scale(target.quantity(),
              sizeDiffers ? target.size() : null));
          described.add(t.getKey() + ": " + f.quantity() + ":" + size + " -> "
              + target.quantity() + ":" + (sizeDiffers ? target.size() : size));
        }
      }
      if (changes.isEmpty()) {
        out.println(appName + " already has the formation of the " + entry.at()
            + " entry; nothing to change");
        return new Result(Outcome.ALREADY_RIGHT, List.of());
      }
      heroku.workflows().dynos().scale(appName, changes);
      out.println("Scaled " + appName + " for the " + entry.at() + " entry: "
          + String.join(", ", described));
      return new Result(Outcome.SCALED, described);
    } catch (HerokuApiException e) {
      throw new OpsJobException("Could not scale " + appName + ": " + e.getMessage(), e);
    }
  }

  private static String sizeOf(Formation f) {
    if (f.size() != null) return f.size();
    return f.dynoSize() == null ? "?" : f.dynoSize().name();
  }
}
