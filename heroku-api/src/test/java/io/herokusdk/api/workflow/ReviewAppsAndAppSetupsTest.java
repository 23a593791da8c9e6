package io.herokusdk.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.model.AppSetupCreateRequest;
import io.herokusdk.api.model.AppSetupStatus;
import io.herokusdk.api.model.BuildStatus;
import io.herokusdk.api.model.ReviewAppCreateRequest;
import io.herokusdk.api.model.ReviewAppSourceBlob;
import io.herokusdk.api.model.ReviewAppStatus;
import io.herokusdk.core.WaitTimeoutException;
import io.herokusdk.testing.herokuapi.FakeHerokuApi.Answer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReviewAppsAndAppSetupsTest {
  private static final String TARBALL = "https://example.com/shop/archive/abc123.tar.gz";

  @RegisterExtension final FakeWorld world = new FakeWorld();
  private String pipeline;

  @BeforeEach
  void pipeline() {
    pipeline = world.api.addPipeline("shop");
    world.api.provisioningDelay(Duration.ofSeconds(6));
  }

  private static AppSetupCreateRequest setup(String name) {
    return AppSetupCreateRequest.builder()
        .app(AppSetupCreateRequest.App.builder().name(name).build())
        .sourceBlob(AppSetupCreateRequest.SourceBlob.builder().url(TARBALL).version("abc123")
            .build())
        .build();
  }

  private ReviewAppCreateRequest reviewApp() {
    return ReviewAppCreateRequest.builder().pipeline(pipeline).branch("feature-x").prNumber(42L)
        .sourceBlob(new ReviewAppSourceBlob(TARBALL, "abc123")).build();
  }

  @Test
  void anAppSetupSucceedsWithItsBuildAndPostdeployOutput() {
    world.api.nextPostdeploy("Seeded 12 products", 0);

    AppSetupResult result = world.workflows().appSetups().createAndWait(setup("shop-demo"));

    assertThat(result.status()).isEqualTo(AppSetupStatus.SUCCEEDED);
    assertThat(result.appName()).isEqualTo("shop-demo");
    assertThat(result.appId()).isEqualTo(world.api.app("shop-demo").id());
    assertThat(result.buildStatus()).isEqualTo(BuildStatus.SUCCEEDED);
    assertThat(result.buildId()).isNotNull();
    assertThat(result.postdeployOutput()).isEqualTo("Seeded 12 products");
    assertThat(result.postdeployExitCode()).isZero();
    assertThat(result.manifestErrors()).isEmpty();
  }

  @Test
  void manifestErrorsFailTheSetupWithTheErrors() {
    world.api.failNextAppSetup("invalid app.json", List.of("env.SECRET: required but missing"));

    assertThatThrownBy(() -> world.workflows().appSetups().createAndWait(setup("shop-demo")))
        .isInstanceOfSatisfying(AppSetupFailedException.class, e -> {
          assertThat(e).hasMessageContaining("invalid app.json")
              .hasMessageContaining("env.SECRET: required but missing");
          assertThat(e.result().manifestErrors()).containsExactly(
              "env.SECRET: required but missing");
          assertThat(e.result().buildId()).isNull();
        });
  }

  @Test
  void aFailingPostdeployScriptFailsTheSetupWithItsOutputAndExitCode() {
    world.api.nextPostdeploy("rake db:seed\nPG::UndefinedTable", 1);

    assertThatThrownBy(() -> world.workflows().appSetups().createAndWait(setup("shop-demo")))
        .isInstanceOfSatisfying(AppSetupFailedException.class, e -> {
          assertThat(e).hasMessageContaining("postdeploy exited with 1")
              .hasMessageContaining("PG::UndefinedTable");
          assertThat(e.result().postdeployExitCode()).isEqualTo(1L);
          assertThat(e.result().failureMessage()).isEqualTo("Postdeploy exit code was not 0");
        });
  }

  @Test
  void aSetupStillPendingAtTheDeadlineRaisesWaitTimeout() {
    world.api.provisioningDelay(Duration.ofHours(1));
    assertThatThrownBy(() -> world.workflows(Duration.ofSeconds(20)).appSetups()
        .createAndWait(setup("shop-demo")))
        .isInstanceOf(WaitTimeoutException.class);
  }

  @Test
  void aReviewAppIsCreatedThroughPendingAndCreatingWithItsSetup() {
    world.api.nextPostdeploy("ok", 0);

    ReviewAppResult result = world.workflows().reviewApps().createAndWait(reviewApp());

    assertThat(result.status()).isEqualTo(ReviewAppStatus.CREATED);
    assertThat(result.appId()).isNotNull();
    assertThat(result.setup()).isNotNull();
    assertThat(result.setup().appId()).isEqualTo(result.appId());
    assertThat(result.setup().postdeployOutput()).isEqualTo("ok");
    assertThat(world.api.requests()).extracting(r -> r.path())
        .filteredOn(p -> p.startsWith("/review-apps/")).hasSizeGreaterThan(1);
  }

  @Test
  void aReviewAppWhoseSetupFailedIsErroredWithTheSetupsReason() {
    world.api.failNextAppSetup("Couldn't find that plan.", List.of());

    assertThatThrownBy(() -> world.workflows().reviewApps().createAndWait(reviewApp()))
        .isInstanceOfSatisfying(ReviewAppFailedException.class, e -> {
          assertThat(e.result().status()).isEqualTo(ReviewAppStatus.ERRORED);
          assertThat(e).hasMessageContaining("errored")
              .hasMessageContaining("Couldn't find that plan.");
          assertThat(e.result().setup().status()).isEqualTo(AppSetupStatus.FAILED);
        });
  }

  @Test
  void aRateLimitedCreateIsRetried() {
    world.api.enqueue(Answer.rateLimited());
    assertThat(world.workflows().reviewApps().createAndWait(reviewApp()).status())
        .isEqualTo(ReviewAppStatus.CREATED);
    assertThat(world.api.requests().get(0).status()).isEqualTo(429);
  }

  @Test
  void reviewAppsAndSetupsCompleteAsynchronously() throws Exception {
    Workflows workflows = world.ticking();
    assertThat(workflows.reviewApps().createAsync(reviewApp()).get(30, TimeUnit.SECONDS)
        .status()).isEqualTo(ReviewAppStatus.CREATED);
    world.api.failNextAppSetup("boom", List.of());
    assertThatThrownBy(() -> workflows.appSetups().createAsync(setup("shop-demo"))
        .get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause()
        .isInstanceOf(AppSetupFailedException.class);
  }
}
