package io.herokusdk.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.TwoFactorRequiredException;
import io.herokusdk.api.model.PipelinePromotionTargetStatus;
import io.herokusdk.core.WaitTimeoutException;
import io.herokusdk.testing.herokuapi.FakeHerokuApi.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PipelinesTest {
  @RegisterExtension final FakeWorld world = new FakeWorld();

  @BeforeEach
  void pipeline() {
    world.api.addApp("shop-staging");
    world.api.addApp("shop-prod");
    world.api.addApp("shop-prod-eu");
    world.api.addPipeline("shop");
    world.api.couple("shop", "shop-staging", "staging");
    world.api.couple("shop", "shop-prod", "production");
    world.api.couple("shop", "shop-prod-eu", "production");
    world.api.addRelease("shop-prod", "Initial release");
    world.api.addRelease("shop-prod-eu", "Initial release");
    world.api.provisioningDelay(Duration.ofSeconds(5));
    world.api.promotionReleaseOutput("Running release command...", "Migrations done.");
  }

  private Promotion.Builder toBothProductionApps() {
    return Promotion.builder().source("shop-staging").target("shop-prod").target("shop-prod-eu")
        .twoFactorCode("123456");
  }

  @Test
  void promotesToEveryTargetWaitsWhilePendingAndStreamsEachReleasePhase() {
    List<String> lines = new ArrayList<>();
    List<Integer> pendingPolls = new ArrayList<>();
    PromotionResult result = world.workflows().pipelines().promote(toBothProductionApps()
        .releaseOutput((app, line) -> lines.add(line))
        .progress(targets -> pendingPolls.add((int) targets.stream()
            .filter(t -> t.status() == PipelinePromotionTargetStatus.PENDING).count()))
        .build());

    assertThat(result.succeeded()).isTrue();
    assertThat(result.sourceAppId()).isEqualTo(world.api.app("shop-staging").id());
    assertThat(result.targets()).extracting(PromotionResult.Target::app)
        .containsExactly("shop-prod", "shop-prod-eu");
    assertThat(result.targets()).allSatisfy(t -> {
      assertThat(t.status()).isEqualTo(PipelinePromotionTargetStatus.SUCCEEDED);
      assertThat(t.releaseId()).isNotNull();
      assertThat(t.releaseVersion()).isEqualTo(2L);
      assertThat(t.releaseOutput()).containsExactly("Running release command...",
          "Migrations done.");
    });
    assertThat(lines).hasSize(4);
    assertThat(pendingPolls).startsWith(2).endsWith(0);
  }

  @Test
  void aFailedTargetFailsThePromotionWithEveryTargetsOutcome() {
    world.api.failNextPromotionTo("shop-prod-eu", "Release phase failed: exit 1");

    assertThatThrownBy(() -> world.workflows().pipelines().promote(toBothProductionApps().build()))
        .isInstanceOfSatisfying(PromotionFailedException.class, e -> {
          assertThat(e).hasMessageContaining("shop-prod-eu (Release phase failed: exit 1)")
              .hasMessageContaining("1 of 2 target(s) succeeded");
          assertThat(e.result().failed()).singleElement().satisfies(t -> {
            assertThat(t.app()).isEqualTo("shop-prod-eu");
            assertThat(t.status()).isEqualTo(PipelinePromotionTargetStatus.FAILED);
            assertThat(t.releaseId()).isNull();
          });
          assertThat(e.result().targets().get(0).status())
              .isEqualTo(PipelinePromotionTargetStatus.SUCCEEDED);
        });
  }

  @Test
  void withoutTheSecondFactorNothingIsPromotedAndTheErrorIsTyped() {
    assertThatThrownBy(() -> world.workflows().pipelines().promote(Promotion.builder()
        .source("shop-staging").target("shop-prod").build()))
        .isInstanceOf(TwoFactorRequiredException.class);
    assertThat(world.api.lastRequest().path()).isEqualTo("/pipeline-promotions");
  }

  @Test
  void theSecondFactorIsSentOnEveryCallButNeverShown() {
    Promotion promotion = toBothProductionApps().build();
    world.workflows().pipelines().promote(promotion);

    assertThat(world.api.requests()).allSatisfy(r ->
        assertThat(r.header("Heroku-Two-Factor-Code")).isEqualTo("123456"));
    assertThat(promotion.toString()).doesNotContain("123456");
  }

  @Test
  void targetsStillPendingAtTheDeadlineRaiseWaitTimeout() {
    world.api.provisioningDelay(Duration.ofMinutes(10));

    assertThatThrownBy(() -> world.workflows(Duration.ofSeconds(30)).pipelines()
        .promote(toBothProductionApps().build()))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e ->
            assertThat(e.what()).startsWith("promotion ").endsWith(" to finish"));
  }

  @Test
  void rateLimitedAndUnavailableAnswersAreRetriedByTheClient() {
    world.api.enqueue(Answer.rateLimited());      // GET /apps/shop-staging
    world.api.enqueue(Answer.unavailable());      // GET /apps/shop-prod

    PromotionResult result = world.workflows().pipelines().promote(toBothProductionApps().build());

    assertThat(result.succeeded()).isTrue();
    assertThat(world.api.requests()).extracting(r -> r.status()).contains(429, 503);
  }

  @Test
  void promotesAsynchronouslyOnTheCallersSchedulerOrItsOwn() throws Exception {
    Workflows workflows = world.ticking();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThat(workflows.pipelines().promoteAsync(toBothProductionApps().build(), scheduler)
          .get(30, TimeUnit.SECONDS).succeeded()).isTrue();
    } finally {
      scheduler.shutdown();
    }
    world.api.failNextPromotionTo("shop-prod", "boom");
    assertThatThrownBy(() -> workflows.pipelines().promoteAsync(toBothProductionApps().build())
        .get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause()
        .isInstanceOf(PromotionFailedException.class);
  }
}
