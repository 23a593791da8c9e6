package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herokusdk.api.model.App;
import io.herokusdk.api.model.BuildStatus;
import io.herokusdk.api.model.FormationBatchUpdateRequest;
import io.herokusdk.api.model.FormationUpdate;
import io.herokusdk.api.model.ReleaseRollbackRequest;
import io.herokusdk.core.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HerokuClientTest {
  static final String TOKEN = "hrku-canary-5f0c1e9a7d3b";
  static final String APP_JSON = """
      {"id": "01234567-89ab-cdef-0123-456789abcdef", "name": "my-app",
       "created_at": "2012-01-01T12:00:00Z", "generation": {"id": "g", "name": "cedar"}, "maintenance": false,
       "owner": {"email": "u@example.com", "id": "01234567-89ab-cdef-0123-456789abcdef"},
       "team": null, "stack": {"id": "s", "name": "heroku-24"}, "some_future_field": 1}
      """;

  final MockWebServer server = new MockWebServer();
  final List<Duration> sleeps = new ArrayList<>();
  Heroku heroku;

  @BeforeEach
  void start() throws Exception {
    server.start();
    heroku = client().build();
  }

  Heroku.Builder client() {
    return Heroku.builder().token(TOKEN).baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.builder().maxRetries(2)
            .backoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(40))).build())
        .rateLimitPolicy(RateLimitPolicy.builder().maxRetries(2)
            .backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(400))).build())
        .sleeper(sleeps::add);
  }

  @AfterEach
  void stop() {
    heroku.close();
    server.close();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("RateLimit-Remaining", "4321").addHeader("Request-Id", "server-rid-1")
        .body(body).build();
  }

  RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  // ------------------------------------------------------------------ protocol

  @Test
  void sendsVersion3AcceptBearerTokenUserAgentAndAFreshRequestId() throws Exception {
    server.enqueue(json(200, APP_JSON));
    server.enqueue(json(200, APP_JSON));
    heroku.apps().info("my-app");
    heroku.apps().info("my-app");

    RecordedRequest first = take();
    RecordedRequest second = take();
    assertThat(first.getMethod()).isEqualTo("GET");
    assertThat(first.getUrl().encodedPath()).isEqualTo("/apps/my-app");
    assertThat(first.getHeaders().get("Accept")).isEqualTo("application/vnd.heroku+json; version=3");
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(first.getHeaders().get("User-Agent")).startsWith("heroku-sdk-java/");
    assertThat(first.getHeaders().get("Request-Id")).matches("[0-9a-f-]{36}");
    assertThat(second.getHeaders().get("Request-Id")).isNotEqualTo(first.getHeaders().get("Request-Id"));
  }

  @Test
  void decodesRecordsWithInstantsEnumsNestedObjectsAndNulls() {
    server.enqueue(json(200, APP_JSON));
    App app = heroku.apps().info("my-app");
    assertThat(app.name()).isEqualTo("my-app");
    assertThat(app.createdAt()).isEqualTo(Instant.parse("2012-01-01T12:00:00Z"));
    assertThat(app.generation().name()).isEqualTo("cedar");
    assertThat(app.owner().email()).isEqualTo("u@example.com");
    assertThat(app.team()).isNull();
    assertThat(app.maintenance()).isFalse();
  }

  @Test
  void enumsDecodeAndUnknownValuesBecomeUnknownInsteadOfFailing() {
    server.enqueue(json(200, "{\"status\": \"succeeded\"}"));
    server.enqueue(json(200, "{\"status\": \"teleported\"}"));
    assertThat(heroku.builds().info("my-app", "b1").status()).isEqualTo(BuildStatus.SUCCEEDED);
    assertThat(heroku.builds().info("my-app", "b2").status()).isEqualTo(BuildStatus.UNKNOWN);
  }

  @Test
  void aSuccessWithoutTheBodyTheLinkPromisesIsATypedErrorNotANull() {
    server.enqueue(json(200, "null"));
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(202).build());  // a link without a body

    assertThatThrownBy(() -> heroku.apps().info("my-app"))
        .isInstanceOfSatisfying(HerokuApiException.class, e -> {
          assertThat(e.status()).isEqualTo(200);
          assertThat(e.getMessage()).contains("no body").contains("GET /apps/my-app");
        });
    assertThatThrownBy(() -> heroku.apps().info("my-app"))
        .isInstanceOfSatisfying(HerokuApiException.class,
            e -> assertThat(e.status()).isEqualTo(204));
    heroku.builds().deleteCache("my-app");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void identitiesArePercentEncodedAsOnePathSegment() throws Exception {
    server.enqueue(json(200, "{}"));
    heroku.collaborators().info("my app", "me+x@example.com/../y");
    assertThat(take().getUrl().encodedPath())
        .isEqualTo("/apps/my%20app/collaborators/me%2Bx%40example.com%2F..%2Fy");
  }

  @Test
  void configVarUpdateSendsNullToDeleteAVar() throws Exception {
    server.enqueue(json(200, "{\"KEEP\": \"1\"}"));
    Map<String, String> patch = new HashMap<>();
    patch.put("KEEP", "1");
    patch.put("DROP", null);
    Map<String, String> after = heroku.configVars().update("my-app", patch);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/apps/my-app/config-vars");
    assertThat(r.getBody().string(StandardCharsets.UTF_8)).contains("\"DROP\":null")
        .contains("\"KEEP\":\"1\"");
    assertThat(after).containsEntry("KEEP", "1");
  }

  @Test
  void formationBatchUpdateAndRollbackReadNaturally() throws Exception {
    server.enqueue(json(200, "[{\"type\": \"web\", \"quantity\": 2}]"));
    server.enqueue(json(201, "{\"version\": 12}"));
    var updated = heroku.formation().batchUpdate("my-app", new FormationBatchUpdateRequest(
        List.of(FormationUpdate.builder().type("web").quantity(2L).build())));
    heroku.releases().rollback("my-app", new ReleaseRollbackRequest("v11"));

    assertThat(updated).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualTo(2L));
    RecordedRequest scale = take();
    assertThat(scale.getMethod() + " " + scale.getUrl().encodedPath())
        .isEqualTo("PATCH /apps/my-app/formation");
    assertThat(scale.getBody().string(StandardCharsets.UTF_8))
        .isEqualTo("{\"updates\":[{\"quantity\":2,\"type\":\"web\"}]}");
    RecordedRequest rollback = take();
    assertThat(rollback.getMethod() + " " + rollback.getUrl().encodedPath())
        .isEqualTo("POST /apps/my-app/releases");
    assertThat(rollback.getBody().string(StandardCharsets.UTF_8)).isEqualTo("{\"release\":\"v11\"}");
  }

  @Test
  void requestRecordsCheckRequiredFields() {
    assertThatThrownBy(() -> ReleaseRollbackRequest.builder().build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("release");
  }

  // ------------------------------------------------------------------ paging

  static MockResponse page(int code, String body, String nextRange) {
    MockResponse.Builder b = new MockResponse.Builder().code(code)
        .addHeader("Content-Type", "application/json").body(body);
    if (nextRange != null) {
      b.addHeader("Next-Range", nextRange);
    }
    return b.build();
  }

  @Test
  void listIsLazyAndFollowsNextRangeUntilA200() throws Exception {
    Paged<App> apps = heroku.apps().list();
    assertThat(server.getRequestCount()).as("nothing sent before iterating").isZero();

    server.enqueue(page(206, "[{\"name\": \"a\"}, {\"name\": \"b\"}]", "]b..; max=1000"));
    server.enqueue(page(206, "[{\"name\": \"c\"}]", "]c..; max=1000"));
    server.enqueue(page(200, "[{\"name\": \"d\"}]", null));
    assertThat(apps.stream().map(App::name)).containsExactly("a", "b", "c", "d");

    assertThat(take().getHeaders().get("Range")).isEqualTo("id ..; max=1000");
    assertThat(take().getHeaders().get("Range")).isEqualTo("]b..; max=1000");
    assertThat(take().getHeaders().get("Range")).isEqualTo("]c..; max=1000");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void streamStopsFetchingWhenTheConsumerStops() {
    server.enqueue(page(206, "[{\"name\": \"a\"}, {\"name\": \"b\"}]", "]b..; max=1000"));
    assertThat(heroku.apps().list().stream().findFirst()).map(App::name).hasValue("a");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stopsInsteadOfLoopingWhenTheServerRepeatsARange() {
    server.enqueue(page(206, "[{\"name\": \"a\"}]", "]a..; max=1000"));
    server.enqueue(page(206, "[{\"name\": \"b\"}]", "]a..; max=1000"));
    server.enqueue(page(206, "[{\"name\": \"b\"}]", "]a..; max=1000"));
    assertThat(heroku.apps().list().stream().map(App::name)).containsExactly("a", "b");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void singlePageAccessExposesTheRanges() throws Exception {
    server.enqueue(page(206, "[{\"name\": \"a\"}]", "]a..; max=1"));
    server.enqueue(page(200, "[{\"name\": \"b\"}]", null));
    Paged<App> byName = heroku.apps().list().startingAt(Range.by("name", 1, true));
    Page<App> first = byName.firstPage();
    assertThat(first.status()).isEqualTo(206);
    assertThat(first.range().value()).isEqualTo("name ..; order=desc, max=1");
    assertThat(first.next()).contains(Range.of("]a..; max=1"));
    Page<App> second = byName.page(first.nextRange());
    assertThat(second.items()).extracting(App::name).containsExactly("b");
    assertThat(second.next()).isEmpty();
    assertThat(take().getHeaders().get("Range")).isEqualTo("name ..; order=desc, max=1");
  }

  // ------------------------------------------------------------------ errors

  @Test
  void errorBodiesBecomeTypedExceptionsWithTheRequestId() {
    server.enqueue(json(404, "{\"id\": \"not_found\", \"message\": \"Couldn't find that app.\","
        + " \"url\": \"https://devcenter.heroku.com/articles/platform-api-reference#errors\"}"));
    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> heroku.apps().info("nope"));
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.id()).isEqualTo("not_found");
    assertThat(e.errorMessage()).isEqualTo("Couldn't find that app.");
    assertThat(e.url()).startsWith("https://devcenter.heroku.com/");
    assertThat(e.requestId()).isEqualTo("server-rid-1");
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/apps/nope");
    assertThat(e).hasMessage("404 not_found: Couldn't find that app. (GET /apps/nope,"
        + " Request-Id server-rid-1)");
  }

  @Test
  void eachKnownIdHasItsOwnType() {
    Map<String, Class<?>> ids = Map.ofEntries(
        Map.entry("bad_request", BadRequestException.class),
        Map.entry("unauthorized", UnauthorizedException.class),
        Map.entry("delinquent", PaymentRequiredException.class),
        Map.entry("forbidden", ForbiddenException.class),
        Map.entry("suspended", ForbiddenException.class),
        Map.entry("two_factor", TwoFactorRequiredException.class),
        Map.entry("conflict", ConflictException.class),
        Map.entry("gone", GoneException.class),
        Map.entry("invalid_params", InvalidParamsException.class),
        Map.entry("verification_needed", VerificationNeededException.class),
        Map.entry("some_new_id", HerokuApiException.class));
    for (var e : ids.entrySet()) {
      server.enqueue(json(400, "{\"id\": \"" + e.getKey() + "\", \"message\": \"m\"}"));
      assertThatThrownBy(() -> heroku.account().info()).as(e.getKey())
          .isExactlyInstanceOf(e.getValue());
    }
  }

  @Test
  void nonJsonErrorBodiesAreMappedByStatus() {
    server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html")
        .body("<html><body>Not here</body></html>").build());
    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> heroku.apps().info("x"));
    assertThat(e.id()).isNull();
    assertThat(e.errorMessage()).contains("non-JSON error body").contains("Not here");
  }

  @Test
  void twoFactorCanBeResentWithACode() throws Exception {
    server.enqueue(json(403, "{\"id\": \"two_factor\", \"message\": \"Two-factor code required\"}"));
    server.enqueue(json(200, APP_JSON));
    assertThatThrownBy(() -> heroku.apps().delete("my-app"))
        .isInstanceOf(TwoFactorRequiredException.class);
    try (Heroku confirmed = heroku.withTwoFactorCode("123456")) {
      confirmed.apps().delete("my-app");
    }
    assertThat(take().getHeaders().get("Heroku-Two-Factor-Code")).isNull();
    assertThat(take().getHeaders().get("Heroku-Two-Factor-Code")).isEqualTo("123456");
  }

  // ------------------------------------------------------------------ retries & rate limits

  @Test
  void getIsRetriedOn5xxWithBackoff() {
    server.enqueue(json(503, "{\"id\": \"unavailable\", \"message\": \"down\"}"));
    server.enqueue(new MockResponse.Builder().code(502).body("Bad Gateway").build());
    server.enqueue(json(200, APP_JSON));
    assertThat(heroku.apps().info("my-app").name()).isEqualTo("my-app");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isBetween(
        Duration.ofMillis(5), Duration.ofMillis(40)));
  }

  @Test
  void retriesAreBoundedAndReportTheLastAnswer() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
    }
    assertThatThrownBy(() -> heroku.apps().info("my-app"))
        .isInstanceOf(ServerErrorException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void postIsNeverRetriedOn5xx() {
    server.enqueue(json(503, "{\"id\": \"unavailable\", \"message\": \"down\"}"));
    assertThatThrownBy(() -> heroku.apps().create(
        io.herokusdk.api.model.AppCreateRequest.builder().name("x").build()))
        .isInstanceOf(ServerErrorException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postIsNotResentWhenTheConnectionDropsAfterSending() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())
        .build());
    server.enqueue(json(201, APP_JSON));
    HerokuConnectionException e = catchThrowableOfType(HerokuConnectionException.class,
        () -> heroku.dynos().create("my-app",
            io.herokusdk.api.model.DynoCreateRequest.builder().command("rake db:migrate").build()));
    assertThat(e.requestId()).matches("[0-9a-f-]{36}");
    assertThat(server.getRequestCount()).as("no duplicate dyno").isEqualTo(1);
  }

  @Test
  void getIsResentWhenTheConnectionDrops() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())
        .build());
    server.enqueue(json(200, APP_JSON));
    assertThat(heroku.apps().info("my-app").name()).isEqualTo("my-app");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void postIsRetriedWhenTheConnectionWasRefusedBeforeSending() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (Heroku refused = client().baseUrl("http://127.0.0.1:" + closedPort + "/").build()) {
      assertThatThrownBy(() -> refused.apps().create(
          io.herokusdk.api.model.AppCreateRequest.builder().name("x").build()))
          .isInstanceOf(HerokuConnectionException.class)
          .hasCauseInstanceOf(java.net.ConnectException.class);
    }
    assertThat(sleeps).as("two retries, as the policy allows").hasSize(2);
  }

  @Test
  void rateLimitedPostIsRetriedAfterABackoff() {
    server.enqueue(json(429, "{\"id\": \"rate_limit\", \"message\": \"Your account reached the API rate limit\"}"));
    server.enqueue(json(201, APP_JSON));
    assertThat(heroku.apps().create(io.herokusdk.api.model.AppCreateRequest.builder().name("x")
        .build()).name()).isEqualTo("my-app");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isBetween(
        Duration.ofMillis(50), Duration.ofMillis(100)));
  }

  @Test
  void rateLimitRetriesAreBounded() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(429, "{\"id\": \"rate_limit\", \"message\": \"slow down\"}"));
    }
    assertThatThrownBy(() -> heroku.apps().info("x")).isInstanceOf(RateLimitedException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void throttleWaitsWhenTheBudgetIsAtTheFloor() {
    try (Heroku throttled = client().rateLimitPolicy(RateLimitPolicy.builder()
        .throttleFloor(100).refillPerMinute(6000).build()).build()) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("RateLimit-Remaining", "50")
          .body(APP_JSON).build());
      server.enqueue(json(200, APP_JSON));
      throttled.apps().info("a");
      assertThat(sleeps).isEmpty();
      throttled.apps().info("b");
      assertThat(sleeps).singleElement().satisfies(d -> assertThat(d)
          .as("51 requests short at 100 per second").isBetween(Duration.ofMillis(300),
              Duration.ofMillis(510)));
    }
  }
}
