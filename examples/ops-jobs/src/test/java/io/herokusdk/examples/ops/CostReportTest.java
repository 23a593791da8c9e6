package io.herokusdk.examples.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cost report against the fakes (which have no dyno-size prices: the table is used). */
class CostReportTest {
  private static OpsFakes fakes;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeAll
  static void start() throws Exception {
    fakes = OpsFakes.start();
    // 60 GiB of standard-0's 64 GiB, 110 of 120 connections
    fakes.data.stats(fakes.shopDb, 2, 60L << 30, 110);
    fakes.data.stats(fakes.stagingDb, 2, 5L << 20, 1);
  }

  @AfterAll
  static void stop() {
    fakes.close();
  }

  private int report(String... args) {
    return fakes.run(output, Map.of(), "cost-report", args);
  }

  private String out() {
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTableWithDynosAddOnsTotalsAndRightSizeHints() {
    int code = report("shop", "shop-staging");

    assertThat(code).as(out()).isZero();
    assertThat(out())
        .contains("dyno web", "2 x standard-1X", "$50.00")        // 2 x $25
        .contains("dyno worker", "1 x standard-1X", "$25.00")
        .contains("heroku-postgresql:standard-0", "heroku-redis:premium-0", "$15.00")
        .containsPattern("total / month\\s+\\$140\\.00\\n")         // 50 + 25 + 50 + 15 + 0
        .containsPattern("total / month\\s+\\$12\\.00\\n")          // staging: 7 + 5
        .contains("all apps / month", "$152.00")
        .contains(fakes.shopDb + ": data 60.0 GB is 93% of standard-0's 64.0 GB: move to a "
            + "larger plan")
        .contains(fakes.shopDb + ": 110/120 connections in use")
        .contains(fakes.shopRedis + ": plan memory 50.0 MB, maxmemory-policy noeviction");
  }

  @Test
  void jsonHasTheSameNumbersInCents() throws Exception {
    int code = report("--json", "shop");

    assertThat(code).isZero();
    Map<?, ?> json = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class)
        .fromJson(out());
    Map<?, ?> shop = (Map<?, ?>) ((List<?>) json.get("apps")).get(0);
    assertThat(shop.get("app")).isEqualTo("shop");
    assertThat(shop.get("total_monthly_cents")).isEqualTo(14000.0);
    assertThat(shop.get("complete")).isEqualTo(true);
    assertThat((List<?>) shop.get("hints")).hasSize(3);
    Map<?, ?> web = ((List<?>) shop.get("dynos")).stream().map(d -> (Map<?, ?>) d)
        .filter(d -> "web".equals(d.get("type"))).findFirst().orElseThrow();
    assertThat(web.get("monthly_cents")).isEqualTo(5000.0);
    assertThat(web.get("price_source")).isEqualTo("table");
  }

  @Test
  void aPlanWithNoKnownPriceIsUnknownNotZeroAndCostPricesFillsIt() {
    fakes.api.addApp("blog");
    fakes.api.setFormation("blog", "web", 1, "basic");
    fakes.api.addAddOn("blog", "papertrail:choklad", null, null);

    report("blog");
    assertThat(out()).contains("papertrail:choklad", "unknown")
        .containsPattern("total / month\\s+\\$7\\.00 \\+ unknown");

    output.reset();
    fakes.run(output, Map.of("COST_PRICES", "papertrail:choklad=0,basic=800"), "cost-report",
        "blog");
    assertThat(out()).containsPattern("total / month\\s+\\$8\\.00\\n");
  }

  @Test
  void anUnknownAppFailsTheReport() {
    int code = report("no-such-app");

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains("cost-report FAILED: Could not build the cost report");
  }

  @Test
  void aBadPriceOverrideIsAConfigErrorNamingTheVar() {
    int code = fakes.run(output, Map.of("COST_PRICES", "basic=cheap"), "cost-report", "shop");

    assertThat(code).isEqualTo(2);
    assertThat(out()).contains("COST_PRICES: 'basic=cheap' is not name=cents");
  }
}
