package io.herokusdk.testing.herokuapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.herokusdk.testing.ManualClock;
import io.herokusdk.testing.herokuapi.FakeHerokuApi.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class FakeAttachmentsTest {
  private static final String PG = "heroku-postgresql:standard-0";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ManualClock clock = new ManualClock();
  private FakeHerokuApi api;

  @BeforeEach
  void start() {
    api = FakeHerokuApi.builder().clock(clock).start();
    api.addApp("shop");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
        .header("Authorization", "Bearer " + api.token())
        .header("Accept", FakeHerokuApi.ACCEPT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) request.header("Content-Type", "application/json");
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static <T> T json(HttpResponse<String> response) throws IOException {
    return (T) new Moshi.Builder().build().adapter(Object.class).fromJson(response.body());
  }

  private List<String> releaseDescriptions() {
    return api.releases("shop").stream().map(StoredRelease::description).toList();
  }

  @Test
  void postgresAddOnsAreAttachedAsDatabaseThenByColourAndSetTheirVarsWhenProvisioned()
      throws Exception {
    Map<String, Object> first = json(send("POST", "apps/shop/addons", "{\"plan\":\"" + PG + "\"}"));
    Map<String, Object> second = json(send("POST", "apps/shop/addons",
        "{\"plan\":{\"name\":\"" + PG + "\"}}"));
    Map<String, Object> redis = json(send("POST", "apps/shop/addons",
        "{\"plan\":\"heroku-redis:premium-0\"}"));

    assertThat(api.attachments("shop")).containsExactly(
        new StoredAttachment("DATABASE", (String) first.get("name"), null, "DATABASE_URL"),
        new StoredAttachment("HEROKU_POSTGRESQL_AMBER", (String) second.get("name"), null,
            "HEROKU_POSTGRESQL_AMBER_URL"),
        new StoredAttachment("REDIS", (String) redis.get("name"), null, "REDIS_URL"));
    assertThat(api.app("shop").configVars()).doesNotContainKeys("DATABASE_URL",
        "HEROKU_POSTGRESQL_AMBER_URL", "REDIS_URL");

    clock.advance(Duration.ofSeconds(2));
    List<Map<String, Object>> listed = json(send("GET", "apps/shop/addon-attachments", null));
    assertThat(listed).extracting(a -> a.get("name"))
        .containsExactlyInAnyOrder("DATABASE", "HEROKU_POSTGRESQL_AMBER", "REDIS");
    assertThat(listed).filteredOn(a -> a.get("name").equals("DATABASE")).singleElement()
        .satisfies(a -> assertThat((Map<String, Object>) a.get("addon"))
            .containsEntry("name", first.get("name")).containsKey("app"));
    assertThat(api.app("shop").configVars()).containsEntry("DATABASE_URL",
        "postgres://fake:fake@localhost/" + first.get("name"))
        .containsKeys("HEROKU_POSTGRESQL_AMBER_URL", "REDIS_URL");
  }

  @Test
  void attachingATakenNameNeedsConfirmAndThenReplacesItWithDetachAndAttachReleases()
      throws Exception {
    String old = api.addAddOn("shop", PG, null, "postgres://old");
    String promoted = api.addAddOn("shop", PG, null, "postgres://new");
    int releasesBefore = api.releases("shop").size();

    HttpResponse<String> refused = send("POST", "addon-attachments",
        "{\"addon\":{\"name\":\"" + promoted + "\"},\"app\":{\"name\":\"shop\"},"
            + "\"name\":\"DATABASE\"}");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat((String) FakeAttachmentsTest.<Map<String, Object>>json(refused).get("message"))
        .contains("DATABASE is already attached to shop").contains("confirm");
    assertThat(api.app("shop").configVars()).containsEntry("DATABASE_URL", "postgres://old");

    HttpResponse<String> replaced = send("POST", "addon-attachments",
        "{\"addon\":\"" + promoted + "\",\"app\":\"shop\",\"name\":\"DATABASE\","
            + "\"confirm\":\"shop\"}");
    assertThat(replaced.statusCode()).isEqualTo(201);
    assertThat(FakeAttachmentsTest.<Map<String, Object>>json(replaced))
        .containsEntry("name", "DATABASE").containsEntry("namespace", null);
    assertThat(api.attachments("shop")).extracting(StoredAttachment::name,
        StoredAttachment::addOnName).containsExactly(
            org.assertj.core.groups.Tuple.tuple("HEROKU_POSTGRESQL_AMBER", promoted),
            org.assertj.core.groups.Tuple.tuple("DATABASE", promoted));
    assertThat(api.app("shop").configVars()).containsEntry("DATABASE_URL", "postgres://new");
    assertThat(releaseDescriptions().subList(releasesBefore, releasesBefore + 2))
        .containsExactly("Detach DATABASE (@ref:" + old + ")",
            "Attach DATABASE (@ref:" + promoted + ")");
  }

  @Test
  void anUnnamedAttachmentGetsTheNextFreeColourAndKeepsTheOldDatabaseReachable()
      throws Exception {
    String old = api.addAddOn("shop", PG, null, "postgres://old");
    api.addAddOn("shop", PG, "HEROKU_POSTGRESQL_AMBER", "postgres://amber");

    HttpResponse<String> created = send("POST", "addon-attachments",
        "{\"addon\":{\"name\":\"" + old + "\"},\"app\":{\"name\":\"shop\"},\"confirm\":\"shop\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(FakeAttachmentsTest.<Map<String, Object>>json(created))
        .containsEntry("name", "HEROKU_POSTGRESQL_BLUE");
    assertThat(api.app("shop").configVars()).containsEntry("HEROKU_POSTGRESQL_BLUE_URL",
        "postgres://old");
  }

  @Test
  void attachmentsAreFoundByIdByAppScopedNameAndByAddOnAndDetachingRemovesTheVar()
      throws Exception {
    String addOn = api.addAddOn("shop", "heroku-redis:premium-0", "CACHE", "redis://h:p@x:1");
    List<Map<String, Object>> ofAddOn = json(send("GET", "addons/" + addOn
        + "/addon-attachments", null));
    String id = (String) ofAddOn.get(0).get("id");

    assertThat(FakeAttachmentsTest.<Map<String, Object>>json(send("GET", "addon-attachments/"
        + id, null))).containsEntry("name", "CACHE");
    assertThat(FakeAttachmentsTest.<Map<String, Object>>json(send("GET",
        "apps/shop/addon-attachments/CACHE", null))).containsEntry("id", id);
    assertThat(send("GET", "apps/shop/addon-attachments/NOPE", null).statusCode())
        .isEqualTo(404);
    assertThat(api.app("shop").configVars()).containsEntry("CACHE_URL", "redis://h:p@x:1");

    assertThat(send("DELETE", "addon-attachments/" + id, null).statusCode()).isEqualTo(200);

    assertThat(api.attachments("shop")).isEmpty();
    assertThat(api.app("shop").configVars()).doesNotContainKey("CACHE_URL");
    assertThat(releaseDescriptions()).last().isEqualTo("Detach CACHE (@ref:" + addOn + ")");
    assertThat(send("GET", "addon-attachments/" + id, null).statusCode()).isEqualTo(404);
  }

  @Test
  void deletingAnAddOnRemovesItsAttachmentsAndTheirVars() throws Exception {
    String addOn = api.addAddOn("shop", PG, null, "postgres://db");
    send("POST", "addon-attachments", "{\"addon\":\"" + addOn + "\",\"app\":\"shop\","
        + "\"name\":\"DATABASE_CONNECTION_POOL\",\"namespace\":\"connection-pooling:default\"}");
    assertThat(api.attachments("shop")).extracting(StoredAttachment::namespace)
        .containsExactly(null, "connection-pooling:default");

    HttpResponse<String> deleted = send("DELETE", "apps/shop/addons/" + addOn, null);

    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(FakeAttachmentsTest.<Map<String, Object>>json(deleted))
        .containsEntry("state", "deprovisioned");
    assertThat(api.attachments("shop")).isEmpty();
    assertThat(api.app("shop").configVars()).doesNotContainKeys("DATABASE_URL",
        "DATABASE_CONNECTION_POOL_URL");
    assertThat(send("GET", "addons/" + addOn, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aFailedProvisioningLeavesNoAttachment() throws Exception {
    api.failNextProvisioning(PG, "Region not available");
    send("POST", "apps/shop/addons", "{\"plan\":\"" + PG + "\"}");
    clock.advance(Duration.ofSeconds(2));

    assertThat(api.attachments("shop")).isEmpty();
    assertThat(api.app("shop").configVars()).doesNotContainKey("DATABASE_URL");
  }

  @Test
  void failNextRequestAnswersTheMatchingRouteOnceAndChangesNothing() throws Exception {
    String addOn = api.addAddOn("shop", PG, null, "postgres://db");
    api.failNextRequest("POST", "/addon-attachments", Answer.unavailable())
        .failNextRequest("PATCH", "/apps/*/formation", Answer.rateLimited());
    String attach = "{\"addon\":\"" + addOn + "\",\"app\":\"shop\",\"name\":\"REPLICA\"}";

    assertThat(send("GET", "apps/shop/addon-attachments", null).statusCode()).isEqualTo(200);
    assertThat(send("POST", "addon-attachments", attach).statusCode()).isEqualTo(503);
    assertThat(api.attachments("shop")).extracting(StoredAttachment::name)
        .containsExactly("DATABASE");
    assertThat(send("PATCH", "apps/shop/formation", "{\"updates\":[{\"type\":\"web\","
        + "\"quantity\":2}]}").statusCode()).isEqualTo(429);
    assertThat(api.app("shop").formation()).isEmpty();

    assertThat(send("POST", "addon-attachments", attach).statusCode()).isEqualTo(201);
    assertThat(api.attachments("shop")).extracting(StoredAttachment::name)
        .containsExactly("DATABASE", "REPLICA");
  }
}
