package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.model.App;
import io.herokusdk.api.model.AppCreateRequest;
import io.herokusdk.api.model.Formation;
import io.herokusdk.api.model.FormationBatchUpdateRequest;
import io.herokusdk.api.model.FormationUpdate;
import io.herokusdk.core.Backoff;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.herokusdk.testing.herokuapi.FakeHerokuApi.Answer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against heroku-testing's {@link FakeHerokuApi}, as a user's test would use it. */
class FakeHerokuApiClientTest {
  @RegisterExtension final SchemaCheckedFake fake = new SchemaCheckedFake();
  private FakeHerokuApi api;
  private Heroku heroku;

  @BeforeEach
  void start() {
    api = fake.api();
    heroku = Heroku.builder().token(api.token()).baseUrl(api.baseUrl())
        .rateLimitPolicy(RateLimitPolicy.builder().maxRetries(1)
            .backoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(20))).build())
        .build();
  }

  @AfterEach
  void stop() {
    heroku.close();
  }

  @Test
  void createsAnAppAndReadsItBack() {
    App created = heroku.apps().create(AppCreateRequest.builder().name("my-app").region("eu")
        .build());
    assertThat(created.name()).isEqualTo("my-app");
    assertThat(created.region().name()).isEqualTo("eu");
    assertThat(created.createdAt()).isNotNull();

    assertThat(heroku.apps().info("my-app").id()).isEqualTo(created.id());
    assertThat(api.app("my-app")).isNotNull();
    FakeHerokuApi.ReceivedRequest request = api.requests().get(0);
    assertThat(request.header("Accept")).isEqualTo(FakeHerokuApi.ACCEPT);
    assertThat(request.header("Request-Id")).isNotBlank();
  }

  @Test
  void listsEveryAppAcrossPagesOfTheRequestedSize() {
    for (int i = 0; i < 25; i++) api.addApp(String.format("app-%02d", i));

    List<String> names = heroku.apps().list().startingAt(Range.by("name", 10, false)).stream()
        .map(App::name).toList();

    assertThat(names).hasSize(25).startsWith("app-00", "app-01").endsWith("app-24").isSorted();
    assertThat(api.requests()).extracting(r -> r.header("Range")).containsExactly(
        "name ..; max=10", "name ]app-09..; max=10", "name ]app-19..; max=10");
    assertThat(api.requests()).extracting(FakeHerokuApi.ReceivedRequest::status)
        .containsExactly(206, 206, 200);
  }

  @Test
  void defaultListingTakesOneRequestForAThousandApps() {
    for (int i = 0; i < 1000; i++) api.addApp(String.format("app-%04d", i));
    assertThat(heroku.apps().list().stream().count()).isEqualTo(1000);
    assertThat(api.requests()).singleElement()
        .satisfies(r -> assertThat(r.header("Range")).isEqualTo("id ..; max=1000"));
  }

  @Test
  void updatesConfigVarsAndFormation() {
    api.addApp("my-app");
    api.setConfigVar("my-app", "OLD", "1");
    Map<String, String> changes = new HashMap<>();
    changes.put("FEATURE_X", "on");
    changes.put("OLD", null);
    assertThat(heroku.configVars().update("my-app", changes)).containsExactly(
        Map.entry("FEATURE_X", "on"));

    List<Formation> formation = heroku.formation().batchUpdate("my-app",
        new FormationBatchUpdateRequest(List.of(
            FormationUpdate.builder().type("web").quantity(2L).build())));
    assertThat(formation).singleElement()
        .satisfies(f -> assertThat(f.quantity()).isEqualTo(2L));
    assertThat(api.app("my-app").formation().get("web").quantity()).isEqualTo(2);
  }

  @Test
  void aScriptedRateLimitIsRetriedAndTypedErrorsCarryTheRequestId() {
    api.addApp("my-app");
    api.enqueue(Answer.rateLimited());
    assertThat(heroku.apps().info("my-app").name()).isEqualTo("my-app");
    assertThat(api.requestCount()).isEqualTo(2);

    api.enqueue(Answer.notFound());
    assertThatThrownBy(() -> heroku.apps().info("my-app"))
        .isInstanceOfSatisfying(NotFoundException.class, e ->
            assertThat(e.requestId()).isEqualTo(api.lastRequest().header("Request-Id")));
  }

  @Test
  void deletingAProtectedAppNeedsTheTwoFactorCode() {
    try (FakeHerokuApi guarded = FakeHerokuApi.builder().requireTwoFactorCode("123456").start();
        Heroku client = Heroku.builder().token(guarded.token()).baseUrl(guarded.baseUrl())
            .build()) {
      guarded.addApp("precious");
      assertThatThrownBy(() -> client.apps().delete("precious"))
          .isInstanceOf(TwoFactorRequiredException.class);
      try (Heroku confirmed = client.withTwoFactorCode("123456")) {
        confirmed.apps().delete("precious");
      }
      assertThat(guarded.apps()).isEmpty();
    }
  }
}
