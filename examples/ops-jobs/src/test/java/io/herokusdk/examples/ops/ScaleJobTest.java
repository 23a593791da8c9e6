package io.herokusdk.examples.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scale by time of day against the fake Platform API. */
class ScaleJobTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private OpsFakes fakes;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    fakes = OpsFakes.start();
  }

  @AfterEach
  void stop() {
    fakes.close();
  }

  private ScaleJob.Result scaleAt(String parisTime) {
    Instant at = ZonedDateTime.of(2026, 3, 10, LocalTime.parse(parisTime).getHour(),
        LocalTime.parse(parisTime).getMinute(), 0, 0, PARIS).toInstant();
    return new ScaleJob(fakes.heroku, ScaleJob.Settings.from(fakes.config(Map.of())),
        Clock.fixed(at, PARIS), new PrintStream(output, true, StandardCharsets.UTF_8)).run();
  }

  private long formationPatches() {
    return fakes.api.requests().stream().filter(r -> r.method().equals("PATCH")
        && r.path().contains("/formation")).count();
  }

  private long quantity(String type) {
    return fakes.api.app("shop").formation().get(type).quantity();
  }

  @Test
  void atNightTheNightEntryIsAppliedAndASecondRunChangesNothing() {
    ScaleJob.Result first = scaleAt("23:30");

    assertThat(first.outcome()).isEqualTo(ScaleJob.Outcome.SCALED);
    assertThat(quantity("web")).isEqualTo(1);
    assertThat(quantity("worker")).isZero();
    assertThat(formationPatches()).isEqualTo(1);

    ScaleJob.Result again = scaleAt("23:40");

    assertThat(again.outcome()).isEqualTo(ScaleJob.Outcome.ALREADY_RIGHT);
    assertThat(formationPatches()).isEqualTo(1);
  }

  @Test
  void beforeTheFirstEntryOfTheDayYesterdaysLastEntryIsInForce() {
    scaleAt("03:00");

    assertThat(quantity("web")).isEqualTo(1);
    assertThat(quantity("worker")).isZero();
  }

  @Test
  void theDayEntryLeavesARightFormationAlone() {
    ScaleJob.Result result = scaleAt("12:00");

    assertThat(result.outcome()).isEqualTo(ScaleJob.Outcome.ALREADY_RIGHT);
    assertThat(formationPatches()).isZero();
  }

  @Test
  void anAppInMaintenanceIsNeverScaled() {
    fakes.heroku.workflows().dynos().maintenance("shop", true);

    ScaleJob.Result result = scaleAt("23:30");

    assertThat(result.outcome()).isEqualTo(ScaleJob.Outcome.SKIPPED_MAINTENANCE);
    assertThat(quantity("web")).isEqualTo(2);
    assertThat(formationPatches()).isZero();
  }

  @Test
  void aSizeInThePlanIsApplied() {
    fakes.api.setFormation("shop", "web", 1, "standard-1X");
    new ScaleJob(fakes.heroku, ScaleJob.Settings.from(fakes.config(Map.of("SCALE_PLAN",
        "00:00 web=1:standard-2X"))), Clock.systemUTC(),
        new PrintStream(output, true, StandardCharsets.UTF_8)).run();

    assertThat(fakes.api.app("shop").formation().get("web").size())
        .isEqualToIgnoringCase("standard-2X");
  }

  @Test
  void aProcessTypeTheAppLacksFailsTheRunNamingIt() {
    int code = fakes.run(output, Map.of("SCALE_PLAN", "00:00 web=1 clock=1"), "scale");

    assertThat(code).isEqualTo(1);
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("SCALE_PLAN names process type clock, which shop does not have");
  }

  @Test
  void anAppThatDoesNotExistFailsTheRun() {
    fakes.api.enqueue(FakeHerokuApi.Answer.notFound());
    int code = fakes.run(output, Map.of(), "scale");

    assertThat(code).isEqualTo(1);
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("Could not scale shop");
  }

  @Test
  void badPlansAreRefusedNamingTheVar() {
    assertThatThrownBy(() -> ScalePlan.parse("25:00 web=1", "SCALE_PLAN"))
        .isInstanceOf(InvalidConfigVarException.class).hasMessageContaining("SCALE_PLAN")
        .hasMessageContaining("'25:00' is not a time of day");
    assertThatThrownBy(() -> ScalePlan.parse("22:00 web=-1", "SCALE_PLAN"))
        .hasMessageContaining("quantity of web at 22:00 must be a whole number");
    assertThatThrownBy(() -> ScalePlan.parse("22:00 web=1; 22:00 web=2", "SCALE_PLAN"))
        .hasMessageContaining("22:00 appears twice");
    int code = fakes.run(output, Map.of("SCALE_TIMEZONE", "Mars/Olympus"), "scale");
    assertThat(code).isEqualTo(2);
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("SCALE_TIMEZONE");
  }
}
