package io.herokusdk.testing.herokuapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.herokusdk.testing.herokuapi.FakeHerokuApi.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class FakeHerokuApiTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeHerokuApi api;

  @BeforeEach
  void start() {
    api = FakeHerokuApi.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return send(method, path, body, Map.of());
  }

  private HttpResponse<String> send(String method, String path, String body,
      Map<String, String> extraHeaders) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
        .header("Authorization", "Bearer " + api.token())
        .header("Accept", FakeHerokuApi.ACCEPT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) request.header("Content-Type", "application/json");
    extraHeaders.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private static <T> T json(HttpResponse<String> response) throws IOException {
    return (T) new Moshi.Builder().build().adapter(Object.class).fromJson(response.body());
  }

  @Test
  void createsAnAppAndServesItByNameAndById() throws Exception {
    HttpResponse<String> created = send("POST", "apps", "{\"name\":\"my-app\",\"region\":\"eu\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    Map<String, Object> app = json(created);
    assertThat(app).containsEntry("name", "my-app")
        .containsKeys("id", "created_at", "updated_at", "stack", "owner", "web_url");
    assertThat((Map<String, Object>) app.get("region")).containsEntry("name", "eu");

    assertThat(send("GET", "apps/my-app", null).statusCode()).isEqualTo(200);
    Map<String, Object> byId = json(send("GET", "apps/" + app.get("id"), null));
    assertThat(byId).containsEntry("name", "my-app");
    assertThat(api.app("my-app")).isNotNull()
        .satisfies(a -> assertThat(a.region()).isEqualTo("eu"));
  }

  @Test
  void answersEveryRequestWithARequestIdAndTheRemainingRateLimit() throws Exception {
    HttpResponse<String> first = send("GET", "apps", null, Map.of("Request-Id", "my-request-1"));
    HttpResponse<String> second = send("GET", "apps", null);
    assertThat(first.headers().firstValue("Request-Id")).hasValue("my-request-1");
    assertThat(second.headers().firstValue("Request-Id")).get().asString().isNotBlank();
    assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("4499");
    assertThat(second.headers().firstValue("RateLimit-Remaining")).hasValue("4498");
  }

  @Test
  void rejectsAWrongTokenAndAMissingVersionHeader() throws Exception {
    HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "apps"))
        .header("Authorization", "Bearer nope").header("Accept", FakeHerokuApi.ACCEPT).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat((Map<String, Object>) json(wrongToken)).containsEntry("id", "unauthorized")
        .containsKeys("message", "url");

    HttpResponse<String> noVersion = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "apps"))
        .header("Authorization", "Bearer " + api.token())
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(noVersion.statusCode()).isEqualTo(406);
  }

  @Test
  void pagesListsWithRangeAndNextRangeHonouringMax() throws Exception {
    for (int i = 0; i < 5; i++) api.addApp("app-" + i);
    HttpResponse<String> first = send("GET", "apps", null, Map.of("Range", "name ..; max=2"));
    assertThat(first.statusCode()).isEqualTo(206);
    assertThat(names(json(first))).containsExactly("app-0", "app-1");
    String next = first.headers().firstValue("Next-Range").orElseThrow();
    assertThat(next).isEqualTo("name ]app-1..; max=2");

    List<String> all = new ArrayList<>(names(json(first)));
    HttpResponse<String> page = first;
    while (page.statusCode() == 206) {
      page = send("GET", "apps", null,
          Map.of("Range", page.headers().firstValue("Next-Range").orElseThrow()));
      all.addAll(names(json(page)));
    }
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Next-Range")).isEmpty();
    assertThat(all).containsExactly("app-0", "app-1", "app-2", "app-3", "app-4");
    assertThat(api.requestCount()).isEqualTo(3);
  }

  @Test
  void descendingOrderAndABadRangeAnswer416() throws Exception {
    for (int i = 0; i < 3; i++) api.addApp("app-" + i);
    HttpResponse<String> desc = send("GET", "apps", null,
        Map.of("Range", "name ..; order=desc, max=1000"));
    assertThat(desc.statusCode()).isEqualTo(200);
    assertThat(names(json(desc))).containsExactly("app-2", "app-1", "app-0");
    assertThat(send("GET", "apps", null, Map.of("Range", "name ..; max=1001")).statusCode())
        .isEqualTo(416);
    assertThat(send("GET", "apps", null, Map.of("Range", "color ..")).statusCode())
        .isEqualTo(416);
  }

  @Test
  void updatesAndDeletesApps() throws Exception {
    api.addApp("old-name");
    HttpResponse<String> renamed = send("PATCH", "apps/old-name",
        "{\"name\":\"new-name\",\"maintenance\":true}");
    assertThat(renamed.statusCode()).isEqualTo(200);
    assertThat(api.app("new-name").maintenance()).isTrue();
    assertThat(api.app("old-name")).isNull();

    assertThat(send("DELETE", "apps/new-name", null).statusCode()).isEqualTo(200);
    HttpResponse<String> gone = send("GET", "apps/new-name", null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat((Map<String, Object>) json(gone)).containsEntry("id", "not_found");
  }

  @Test
  void invalidOrTakenNamesAreInvalidParams() throws Exception {
    api.addApp("taken");
    HttpResponse<String> taken = send("POST", "apps", "{\"name\":\"taken\"}");
    assertThat(taken.statusCode()).isEqualTo(422);
    assertThat((Map<String, Object>) json(taken)).containsEntry("id", "invalid_params");
    assertThat(send("POST", "apps", "{\"name\":\"Not_Valid\"}").statusCode()).isEqualTo(422);
    assertThat(api.apps()).hasSize(1);
  }

  @Test
  void configVarsAreMergedAndNullDeletesOne() throws Exception {
    api.addApp("my-app");
    api.setConfigVar("my-app", "OLD", "1");
    HttpResponse<String> patched = send("PATCH", "apps/my-app/config-vars",
        "{\"NEW\":\"2\",\"OLD\":null}");
    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat((Map<String, Object>) json(patched)).isEqualTo(Map.of("NEW", "2"));
    assertThat((Map<String, Object>) json(send("GET", "apps/my-app/config-vars", null)))
        .isEqualTo(Map.of("NEW", "2"));
    assertThat(api.app("my-app").configVars()).isEqualTo(Map.of("NEW", "2"));
    assertThat(send("PATCH", "apps/my-app/config-vars", "{\"N\":3}").statusCode())
        .isEqualTo(422);
  }

  @Test
  void formationIsListedAndBatchUpdated() throws Exception {
    api.addApp("my-app");
    api.setFormation("my-app", "web", 1, "basic");
    HttpResponse<String> updated = send("PATCH", "apps/my-app/formation",
        "{\"updates\":[{\"type\":\"web\",\"quantity\":3},{\"type\":\"worker\",\"quantity\":1,"
            + "\"size\":\"standard-2X\"}]}");
    assertThat(updated.statusCode()).isEqualTo(200);
    List<Map<String, Object>> items = json(updated);
    assertThat(items).extracting(f -> f.get("type"), f -> f.get("quantity"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("web", 3.0),
            org.assertj.core.groups.Tuple.tuple("worker", 1.0));

    HttpResponse<String> list = send("GET", "apps/my-app/formation", null,
        Map.of("Range", "type ..; max=1000"));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(((List<Map<String, Object>>) json(list))).extracting(f -> f.get("type"))
        .containsExactly("web", "worker");
    assertThat(api.app("my-app").formation().get("worker").size()).isEqualTo("standard-2X");
    assertThat(send("PATCH", "apps/my-app/formation", "{\"updates\":[{\"quantity\":1}]}")
        .statusCode()).isEqualTo(422);
  }

  @Test
  void scriptedErrorsAreAnsweredInOrderThenNormalServiceResumes() throws Exception {
    api.enqueue(Answer.rateLimited()).enqueue(Answer.twoFactorRequired())
        .enqueue(Answer.error(409, "conflict", "busy"));
    HttpResponse<String> limited = send("GET", "apps", null);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    assertThat((Map<String, Object>) json(limited)).containsEntry("id", "rate_limit");
    assertThat((Map<String, Object>) json(send("GET", "apps", null)))
        .containsEntry("id", "two_factor");
    assertThat((Map<String, Object>) json(send("GET", "apps", null)))
        .containsEntry("id", "conflict").containsEntry("message", "busy");
    assertThat(send("GET", "apps", null).statusCode()).isEqualTo(200);
    assertThat(api.requests()).extracting(FakeHerokuApi.ReceivedRequest::status)
        .containsExactly(429, 403, 409, 200);
  }

  @Test
  void anExhaustedBudgetAnswers429() throws Exception {
    api.rateLimitRemaining(1);
    assertThat(send("GET", "apps", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "apps", null).statusCode()).isEqualTo(429);
  }

  @Test
  void deletingNeedsTheTwoFactorCodeWhenConfigured() throws Exception {
    try (FakeHerokuApi guarded = FakeHerokuApi.builder().requireTwoFactorCode("123456").start()) {
      guarded.addApp("precious");
      HttpRequest.Builder delete = HttpRequest.newBuilder(URI.create(guarded.baseUrl() + "apps/precious"))
          .header("Authorization", "Bearer " + guarded.token())
          .header("Accept", FakeHerokuApi.ACCEPT).DELETE();
      assertThat(http.send(delete.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(403);
      assertThat(http.send(delete.header("Heroku-Two-Factor-Code", "123456").build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(guarded.apps()).isEmpty();
    }
  }

  @Test
  void recordsRequestsWithoutPrintingTheToken() throws Exception {
    send("POST", "apps", "{\"name\":\"my-app\"}");
    FakeHerokuApi.ReceivedRequest request = api.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/apps");
    assertThat(request.body()).isEqualTo("{\"name\":\"my-app\"}");
    assertThat(request.header("authorization")).isEqualTo("Bearer " + api.token());
    assertThat(request.status()).isEqualTo(201);
    assertThat(request.toString()).doesNotContain(api.token());
  }

  @Test
  void resetForgetsAppsRequestsAndScript() throws Exception {
    api.addApp("my-app");
    api.enqueue(Answer.unavailable());
    send("GET", "apps", null);
    api.enqueue(Answer.notFound());
    api.reset();
    assertThat(api.apps()).isEmpty();
    assertThat(api.requestCount()).isZero();
    assertThat(send("GET", "apps", null).statusCode()).isEqualTo(200);
    assertThat(api.rateLimitRemaining()).isEqualTo(FakeHerokuApi.DEFAULT_RATE_LIMIT - 1);
  }

  private static List<String> names(List<Map<String, Object>> apps) {
    return apps.stream().map(a -> (String) a.get("name")).toList();
  }
}
