package io.herokusdk.examples.ops;

import com.squareup.moshi.Moshi;
import io.herokusdk.api.Heroku;
import io.herokusdk.api.HerokuApiException;
import io.herokusdk.api.data.PostgresInfo;
import io.herokusdk.api.data.RedisInfo;
import io.herokusdk.api.model.AddOn;
import io.herokusdk.api.model.DynoSize;
import io.herokusdk.api.model.Formation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly cost per app: formation x dyno size price plus add-on plan prices, with right-size
 * hints from the Data API (Postgres data size and connections vs the plan, Redis plan memory).
 * Prices come from the API when it has them ({@code dyno-size.cost}, {@code billed_price}),
 * else from {@link Prices}; a price found nowhere is reported as unknown, never as 0.
 */
final class CostReport {
  private static final Logger LOG = LoggerFactory.getLogger(CostReport.class);
  private static final long HOURS_PER_MONTH = 720;

  /** One process type. {@code monthlyCents} null: price unknown. */
  record DynoCost(String type, long quantity, String size, Long monthlyCents, String source) {}

  /** One add-on. {@code monthlyCents} null: price unknown. */
  record AddOnCost(String name, String plan, Long monthlyCents, String source) {}

  /** One app's month. */
  record AppCost(String app, List<DynoCost> dynos, List<AddOnCost> addOns, long totalCents,
      boolean complete, List<String> hints) {}

  private final Heroku heroku;
  private final Prices prices;

  CostReport(Heroku heroku, Prices prices) {
    this.heroku = heroku;
    this.prices = prices;
  }

  /** The report for these apps, or for every app the token can see when the list is empty. */
  List<AppCost> build(List<String> apps) {
    try {
      List<String> names = apps.isEmpty()
          ? heroku.apps().list().stream().map(io.herokusdk.api.model.App::name).toList()
          : apps;
      Map<String, Long> dynoPrices = dynoPricesFromApi();
      List<AppCost> report = new ArrayList<>();
      for (String app : names) report.add(appCost(app, dynoPrices));
      return report;
    } catch (HerokuApiException e) {
      throw new OpsJobException("Could not build the cost report: " + e.getMessage(), e);
    }
  }

  private AppCost appCost(String app, Map<String, Long> dynoPrices) {
    List<DynoCost> dynos = new ArrayList<>();
    long total = 0;
    boolean complete = true;
    for (Formation f : heroku.formation().list(app)) {
      long quantity = f.quantity() == null ? 0 : f.quantity();
      String size = f.size() != null ? f.size()
          : f.dynoSize() == null ? "?" : f.dynoSize().name();
      Long perDyno = dynoPrices.get(size.toLowerCase(Locale.ROOT));
      String source = "api";
      if (perDyno == null) {
        OptionalLong table = prices.monthlyCents(size);
        perDyno = table.isPresent() ? table.getAsLong() : null;
        source = perDyno == null ? "unknown" : "table";
      }
      Long cost = perDyno == null ? null : perDyno * quantity;
      if (quantity > 0 && cost == null) complete = false;
      if (cost != null) total += cost;
      dynos.add(new DynoCost(f.type(), quantity, size, quantity == 0 ? Long.valueOf(0) : cost,
          quantity == 0 ? "none running" : source));
    }
    List<AddOnCost> addOns = new ArrayList<>();
    List<String> hints = new ArrayList<>();
    for (AddOn a : heroku.addOns().listByApp(app)) {
      String plan = a.plan() == null ? "?" : a.plan().name();
      Long cost = null;
      String source = "unknown";
      AddOn.BilledPrice billed = a.billedPrice();
      if (billed != null && billed.cents() != null) {
        cost = "hour".equalsIgnoreCase(billed.unit()) ? billed.cents() * HOURS_PER_MONTH
            : billed.cents();
        source = "api";
      } else {
        OptionalLong table = prices.monthlyCents(plan);
        if (table.isPresent()) {
          cost = table.getAsLong();
          source = "table";
        }
      }
      if (cost == null) complete = false;
      else total += cost;
      addOns.add(new AddOnCost(a.name(), plan, cost, source));
      hints.addAll(hintsFor(a, plan));
    }
    return new AppCost(app, dynos, addOns, total, complete, hints);
  }

  private List<String> hintsFor(AddOn addOn, String plan) {
    List<String> hints = new ArrayList<>();
    String service = plan.contains(":") ? plan.substring(0, plan.indexOf(':')) : "";
    try {
      if (service.equals("heroku-postgresql")) {
        PostgresInfo info = heroku.data().postgres().info(addOn.name());
        long data = info.dataSizeBytes();
        Prices.postgresDataLimit(plan).ifPresent(limit -> {
          long percent = data * 100 / limit;
          if (percent >= 80) {
            hints.add(addOn.name() + ": data " + size(data) + " is " + percent + "% of "
                + Prices.shortPlan(plan) + "'s " + size(limit) + ": move to a larger plan");
          } else if (percent < 10 && info.limit().isPresent()
              && info.connections() * 100 < info.limit().getAsInt() * 25L
              && !Prices.shortPlan(plan).equals("essential-0")) {
            hints.add(addOn.name() + ": data " + size(data) + " is " + percent + "% of "
                + size(limit) + " and " + info.connections() + "/" + info.limit().getAsInt()
                + " connections are in use: a smaller plan may do");
          }
        });
        if (info.limit().isPresent()
            && info.connections() * 100 >= info.limit().getAsInt() * 80L) {
          hints.add(addOn.name() + ": " + info.connections() + "/" + info.limit().getAsInt()
              + " connections in use: lower pool sizes or move to a plan with more");
        }
      } else if (service.equals("heroku-redis")) {
        RedisInfo info = heroku.data().redis().info(addOn.name());
        String memory = Prices.redisMemory(plan).map(CostReport::size).orElse("unknown");
        hints.add(addOn.name() + ": plan memory " + memory + ", maxmemory-policy "
            + info.maxmemoryPolicy() + "; the Data API does not report memory in use: compare "
            + "with INFO memory (used_memory) before changing the plan");
      }
    } catch (HerokuApiException e) {
      LOG.warn("cost-report: no Data API info for {}: {}", addOn.name(), e.getMessage());
      hints.add(addOn.name() + ": no Data API info (" + e.status() + ")");
    }
    return hints;
  }

  /** Dyno size name (lower case) to monthly cents, from {@code GET /dyno-sizes}. */
  private Map<String, Long> dynoPricesFromApi() {
    Map<String, Long> result = new HashMap<>();
    try {
      for (DynoSize size : heroku.dynoSizes().list()) {
        Map<String, Object> cost = size.cost();
        if (cost == null || !(cost.get("cents") instanceof Number cents)) continue;
        long monthly = "hour".equals(cost.get("unit"))
            ? cents.longValue() * HOURS_PER_MONTH : cents.longValue();
        result.put(size.name().toLowerCase(Locale.ROOT), monthly);
      }
    } catch (HerokuApiException e) {
      LOG.info("cost-report: dyno sizes not available from the API ({}); using the price table",
          e.status());
    }
    return result;
  }

  /** A fixed-width table, one block per app. */
  static String table(List<AppCost> report) {
    StringBuilder s = new StringBuilder();
    long grand = 0;
    boolean complete = true;
    for (AppCost app : report) {
      s.append(String.format(Locale.ROOT, "%s%n", app.app()));
      for (DynoCost d : app.dynos()) {
        s.append(String.format(Locale.ROOT, "  %-28s %3d x %-16s %12s%n", "dyno " + d.type(),
            d.quantity(), d.size(), money(d.monthlyCents())));
      }
      for (AddOnCost a : app.addOns()) {
        s.append(String.format(Locale.ROOT, "  %-28s %-22s %12s%n", a.name(), a.plan(),
            money(a.monthlyCents())));
      }
      s.append(String.format(Locale.ROOT, "  %-51s %12s%s%n", "total / month",
          money(app.totalCents()), app.complete() ? "" : " + unknown"));
      for (String hint : app.hints()) s.append("  hint: ").append(hint).append('\n');
      grand += app.totalCents();
      complete &= app.complete();
    }
    s.append(String.format(Locale.ROOT, "%-53s %12s%s%n", "all apps / month", money(grand),
        complete ? "" : " + unknown"));
    return s.toString();
  }

  /** The same report as JSON (cents as integers, unknown prices as null). */
  static String json(List<AppCost> report) {
    List<Object> apps = new ArrayList<>();
    for (AppCost app : report) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("app", app.app());
      List<Object> dynos = new ArrayList<>();
      for (DynoCost d : app.dynos()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.type());
        m.put("quantity", d.quantity());
        m.put("size", d.size());
        m.put("monthly_cents", d.monthlyCents());
        m.put("price_source", d.source());
        dynos.add(m);
      }
      a.put("dynos", dynos);
      List<Object> addOns = new ArrayList<>();
      for (AddOnCost c : app.addOns()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("plan", c.plan());
        m.put("monthly_cents", c.monthlyCents());
        m.put("price_source", c.source());
        addOns.add(m);
      }
      a.put("addons", addOns);
      a.put("total_monthly_cents", app.totalCents());
      a.put("complete", app.complete());
      a.put("hints", app.hints());
      apps.add(a);
    }
    return new Moshi.Builder().build().adapter(Object.class).serializeNulls().indent("  ")
        .toJson(Map.of("apps", apps));
  }

  private static String money(Long cents) {
    return cents == null ? "unknown"
        : String.format(Locale.ROOT, "$%,.2f", cents / 100.0);
  }

  private static String size(long bytes) {
    if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
  }
}
