package io.herokusdk.testing.herokuapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import io.herokusdk.testing.ManualClock;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestServices;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A {@link FakeDataApi} linked to a {@link FakeHerokuApi}, bound to embedded Postgres. */
@SuppressWarnings("unchecked")
class FakeDataApiLinkedTest {
  private static final String PG = "heroku-postgresql:standard-0";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ManualClock clock = new ManualClock();
  private FakeHerokuApi api;
  private FakeDataApi data;

  @BeforeEach
  void start() {
    api = FakeHerokuApi.builder().clock(clock).start();
    data = FakeDataApi.linkedTo(api).embeddedPostgres(TestServices.postgres());
    api.addApp("shop");
    api.provisioningDelay(Duration.ofSeconds(60));
  }

  @AfterEach
  void stop() {
    data.close();
    api.close();
  }

  private HttpResponse<String> send(String base, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + api.token())
        .header("Accept", FakeHerokuApi.ACCEPT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) request.header("Content-Type", "application/json");
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private <T> T platform(String method, String path, String body) throws Exception {
    return json(send(api.baseUrl(), method, path, body));
  }

  private <T> T dataApi(String method, String path, String body) throws Exception {
    return json(send(data.baseUrl(), method, path, body));
  }

  private static <T> T json(HttpResponse<String> response) throws IOException {
    return (T) new Moshi.Builder().build().adapter(Object.class).fromJson(response.body());
  }

  /** A JDBC connection from a DATABASE_URL-format URL, as an app would open one. */
  private static Connection connect(String url) throws SQLException {
    URI uri = URI.create(url);
    String[] user = uri.getRawUserInfo().split(":", 2);
    Properties props = new Properties();
    props.setProperty("user", URLDecoder.decode(user[0], StandardCharsets.UTF_8));
    props.setProperty("password", URLDecoder.decode(user[1], StandardCharsets.UTF_8));
    return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort()
        + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), props);
  }

  private static void execute(String url, String... sql) throws SQLException {
    try (Connection c = connect(url); Statement st = c.createStatement()) {
      for (String s : sql) st.execute(s);
    }
  }

  private static List<String> rows(String url, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = connect(url); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) row.append(i > 1 ? "|" : "").append(rs.getString(i));
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static String infoValue(Map<String, Object> info, String name) {
    for (Map<String, Object> line : (List<Map<String, Object>>) info.get("info")) {
      if (line.get("name").equals(name)) return String.valueOf(((List<?>) line.get("values")).get(0));
    }
    return null;
  }

  private static List<Object> infoValues(Map<String, Object> info, String name) {
    for (Map<String, Object> line : (List<Map<String, Object>>) info.get("info")) {
      if (line.get("name").equals(name)) return (List<Object>) line.get("values");
    }
    return List.of();
  }

  @Test
  void addOnsBecomeDatabasesAddressableByNameAndIdWithARealDatabaseUrl() throws Exception {
    Map<String, Object> addOn = platform("POST", "apps/shop/addons", "{\"plan\":\"" + PG + "\"}");
    String name = (String) addOn.get("name");

    Map<String, Object> waiting = dataApi("GET", "client/v11/databases/" + addOn.get("id")
        + "/wait_status", null);
    assertThat(waiting).containsEntry("waiting?", true);
    clock.advance(Duration.ofSeconds(60));
    assertThat(this.<Map<String, Object>>dataApi("GET",
        "client/v11/databases/" + name + "/wait_status", null)).containsEntry("waiting?", false);

    platform("GET", "apps/shop/addons/" + name, null);
    String url = api.app("shop").configVars().get("DATABASE_URL");
    assertThat(url).isEqualTo(data.url(name)).isEqualTo(data.url((String) addOn.get("id")));
    execute(url, "CREATE TABLE t (x int)", "INSERT INTO t VALUES (1)");
    assertThat(rows(url, "SELECT x FROM t")).containsExactly("1");
  }

  @Test
  void aFollowerPreparesThenReportsItsLagFallingToZeroAndUnfollowBringsTheLeadersLatestRows()
      throws Exception {
    String leader = api.addAddOn("shop", PG, null, null);
    String leaderUrl = data.url(leader);
    execute(leaderUrl, "CREATE TABLE orders (id serial PRIMARY KEY, item text NOT NULL)",
        "INSERT INTO orders (item) VALUES ('book'), ('pen')");
    data.followerLag(100, Duration.ofMinutes(10));

    Map<String, Object> follower = platform("POST", "apps/shop/addons",
        "{\"plan\":\"heroku-postgresql:premium-0\",\"config\":{\"follow\":\"DATABASE_URL\"}}");
    String name = (String) follower.get("name");
    String db = "client/v11/databases/" + follower.get("id");

    assertThat(api.attachments("shop")).extracting(StoredAttachment::name)
        .containsExactly("DATABASE", "HEROKU_POSTGRESQL_AMBER");
    assertThat(this.<Map<String, Object>>dataApi("GET", db + "/wait_status",
        null)).containsEntry("waiting?", true).containsEntry("message", "preparing");
    assertThat(infoValues(dataApi("GET", "client/v11/databases/" + leader, null), "Followers"))
        .containsExactly(name);

    clock.advance(Duration.ofSeconds(60));
    Map<String, Object> info = dataApi("GET", db, null);
    assertThat(info).containsEntry("waiting?", false).containsEntry("following", leader)
        .containsEntry("leader", leader);
    assertThat(infoValue(info, "Following")).isEqualTo(leader);
    assertThat(infoValue(info, "Behind By")).isEqualTo("100 commits");
    clock.advance(Duration.ofMinutes(5));
    assertThat(infoValue(dataApi("GET", db, null), "Behind By")).isEqualTo("50 commits");
    clock.advance(Duration.ofMinutes(5));
    assertThat(infoValue(dataApi("GET", db, null), "Behind By")).isEqualTo("0 commits");

    String followerUrl = data.url(name);
    assertThat(rows(followerUrl, "SELECT item FROM orders ORDER BY id"))
        .containsExactly("book", "pen");
    assertThatThrownBy(() -> execute(followerUrl, "INSERT INTO orders (item) VALUES ('x')"))
        .isInstanceOf(SQLException.class).hasMessageContaining("read-only");

    execute(leaderUrl, "INSERT INTO orders (item) VALUES ('ink')");
    HttpResponse<String> unfollowed = send(data.baseUrl(), "PUT", db + "/unfollow", null);

    assertThat(unfollowed.statusCode()).as(unfollowed.body()).isEqualTo(200);
    assertThat(data.isFollowing(name)).isFalse();
    assertThat(rows(followerUrl, "SELECT item FROM orders ORDER BY id"))
        .containsExactly("book", "pen", "ink");
    execute(followerUrl, "INSERT INTO orders (item) VALUES ('cup')");
    assertThat(rows(followerUrl, "SELECT id, item FROM orders WHERE item = 'cup'"))
        .containsExactly("4|cup");
    Map<String, Object> after = dataApi("GET", db, null);
    assertThat(after).containsEntry("following", null);
    assertThat(infoValues(dataApi("GET", "client/v11/databases/" + leader, null), "Followers"))
        .isEmpty();

    HttpResponse<String> again = send(data.baseUrl(), "PUT", db + "/unfollow", null);
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat((String) FakeDataApiLinkedTest.<Map<String, Object>>json(again).get("message"))
        .contains(name + " is not a follower");
  }

  @Test
  void promotingAFollowerPointsDatabaseUrlAtItsRealDatabase() throws Exception {
    String leader = api.addAddOn("shop", PG, null, null);
    Map<String, Object> follower = platform("POST", "apps/shop/addons",
        "{\"plan\":\"" + PG + "\",\"config\":{\"follow\":\"" + leader + "\"}}");
    clock.advance(Duration.ofSeconds(60));
    send(data.baseUrl(), "PUT", "client/v11/databases/" + follower.get("name") + "/unfollow",
        null);

    HttpResponse<String> promoted = send(api.baseUrl(), "POST", "addon-attachments",
        "{\"addon\":{\"name\":\"" + follower.get("name") + "\"},\"app\":\"shop\","
            + "\"name\":\"DATABASE\",\"confirm\":\"shop\"}");

    assertThat(promoted.statusCode()).isEqualTo(201);
    assertThat(api.app("shop").configVars()).containsEntry("DATABASE_URL",
        data.url((String) follower.get("name")));
  }

  @Test
  void aForkIsACopyThatIsAvailableAfterTheDelayAndFollowsNothing() throws Exception {
    String leader = api.addAddOn("shop", PG, null, null);
    execute(data.url(leader), "CREATE TABLE t (x int)", "INSERT INTO t VALUES (7)");

    Map<String, Object> fork = platform("POST", "apps/shop/addons",
        "{\"plan\":\"" + PG + "\",\"config\":{\"fork\":\"DATABASE_URL\"},"
            + "\"attachment\":{\"name\":\"FORK\"}}");
    execute(data.url(leader), "INSERT INTO t VALUES (8)");
    String db = "client/v11/databases/" + fork.get("name");

    assertThat(this.<Map<String, Object>>dataApi("GET", db + "/wait_status",
        null)).containsEntry("waiting?", true);
    clock.advance(Duration.ofSeconds(60));
    Map<String, Object> info = dataApi("GET", db, null);
    assertThat(info).containsEntry("waiting?", false).containsEntry("following", null);
    assertThat(infoValue(info, "Forked From")).isEqualTo(leader);
    platform("GET", "apps/shop/addons/" + fork.get("name"), null);
    String forkUrl = api.app("shop").configVars().get("FORK_URL");
    assertThat(rows(forkUrl, "SELECT x FROM t")).containsExactly("7");
    execute(forkUrl, "INSERT INTO t VALUES (9)");
    assertThat(send(data.baseUrl(), "PUT", db + "/unfollow", null).statusCode()).isEqualTo(422);
  }

  @Test
  void aBackupDumpsRealRowsThatRestoreIntoAnotherDatabaseWithSequencesContinuing()
      throws Exception {
    String source = api.addAddOn("shop", PG, null, null);
    String target = api.addAddOn("shop", PG, null, null);
    String sourceUrl = data.url(source);
    execute(sourceUrl,
        "CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE)",
        "CREATE TABLE orders (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            + " customer_id int NOT NULL REFERENCES customers (id),"
            + " note text, total numeric(10,2) DEFAULT 0 CHECK (total >= 0),"
            + " doubled numeric GENERATED ALWAYS AS (total * 2) STORED)",
        "CREATE INDEX orders_note ON orders (lower(note))",
        "INSERT INTO customers (email) VALUES ('a@example.com'), ('b@example.com')",
        "INSERT INTO orders (customer_id, note, total) VALUES"
            + " (1, E'tab\\there\\nnew line \\\\ back', 9.5), (2, NULL, 1), (2, 'ünïcode ✓', 0)");
    data.transferDuration(Duration.ofSeconds(30)).dropNextDownloadAt(200);

    Map<String, Object> capture = dataApi("POST", "client/v11/databases/" + source + "/backups",
        null);
    execute(sourceUrl, "INSERT INTO customers (email) VALUES ('after@example.com')");
    clock.advance(Duration.ofSeconds(30));
    Map<String, Object> finished = dataApi("GET", "client/v11/apps/shop/transfers/"
        + num(capture) + "?verbose=true", null);
    String url = (String) this.<Map<String, Object>>dataApi("POST",
        "client/v11/apps/shop/transfers/" + num(capture) + "/actions/public-url", null)
        .get("url");
    byte[] dump = download(url);

    assertThat(finished).containsEntry("succeeded", true)
        .containsEntry("source_bytes", (double) dump.length)
        .containsEntry("processed_bytes", (double) dump.length);
    String text = new String(dump, StandardCharsets.UTF_8);
    assertThat(text).contains("CREATE TABLE public.\"orders\"", "COPY public.\"customers\"",
        "\\.\n", "pg_catalog.setval(", "FOREIGN KEY", "CREATE INDEX orders_note")
        .doesNotContain("after@example.com");

    Map<String, Object> restore = dataApi("POST", "client/v11/databases/" + target
        + "/restores", "{\"backup_url\":\"" + url + "\"}");
    assertThat(rows(data.url(target), "SELECT count(*) FROM pg_tables WHERE schemaname ="
        + " 'public'")).containsExactly("0");
    clock.advance(Duration.ofSeconds(30));
    assertThat(this.<Map<String, Object>>dataApi("GET",
        "client/v11/apps/shop/transfers/" + num(restore), null))
        .containsEntry("succeeded", true);

    String targetUrl = data.url(target);
    String orders = "SELECT id, customer_id, note, total, doubled FROM orders ORDER BY id";
    assertThat(rows(targetUrl, orders)).isEqualTo(List.of(
        "1|1|tab\there\nnew line \\ back|9.50|19.00", "2|2|null|1.00|2.00", "3|2|ünïcode ✓|0.00|0.00"));
    assertThat(rows(targetUrl, "SELECT id, email FROM customers ORDER BY id"))
        .containsExactly("1|a@example.com", "2|b@example.com");
    execute(targetUrl, "INSERT INTO customers (email) VALUES ('c@example.com')",
        "INSERT INTO orders (customer_id) VALUES (3)");
    assertThat(rows(targetUrl, "SELECT id FROM customers WHERE email = 'c@example.com'"))
        .containsExactly("3");
    assertThat(rows(targetUrl, "SELECT max(id) FROM orders")).containsExactly("4");
    assertThatThrownBy(() -> execute(targetUrl, "INSERT INTO orders (customer_id) VALUES (99)"))
        .hasMessageContaining("foreign key");
    assertThatThrownBy(() -> execute(targetUrl, "INSERT INTO customers (email)"
        + " VALUES ('a@example.com')")).hasMessageContaining("unique");

    // The restore is applied once: later rows survive later polls.
    clock.advance(Duration.ofMinutes(1));
    dataApi("GET", "client/v11/apps/shop/transfers", null);
    assertThat(rows(targetUrl, "SELECT count(*) FROM customers")).containsExactly("3");
  }

  private static int num(Map<String, Object> transfer) {
    return ((Number) transfer.get("num")).intValue();
  }

  /** Downloads a dump, resuming with {@code Range} after a dropped connection. */
  private byte[] download(String url) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    List<IOException> drops = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
      if (out.size() > 0) request.header("Range", "bytes=" + out.size() + "-");
      try {
        HttpResponse<java.io.InputStream> response = http.send(request.build(),
            HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(out.size() == 0 ? 200 : 206);
        try (java.io.InputStream in = response.body()) {
          byte[] buffer = new byte[8192];
          for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
        }
        return out.toByteArray();
      } catch (IOException dropped) {
        drops.add(dropped); // resume from what arrived
      }
    }
    throw new AssertionError("download of " + url + " did not finish: " + drops);
  }

  @Test
  void aRestoreFromAForeignUrlFailsAndAFailedRestoreAppliesNothing() throws Exception {
    String source = api.addAddOn("shop", PG, null, null);
    String target = api.addAddOn("shop", PG, null, null);
    execute(data.url(source), "CREATE TABLE t (x int)");
    execute(data.url(target), "CREATE TABLE kept (x int)");
    data.transferDuration(Duration.ZERO);
    Map<String, Object> capture = dataApi("POST", "client/v11/databases/" + source + "/backups",
        null);

    Map<String, Object> foreign = dataApi("POST", "client/v11/databases/" + target
        + "/restores", "{\"backup_url\":\"https://example.com/dump\"}");
    Map<String, Object> foreignDone = dataApi("GET", "client/v11/apps/shop/transfers/"
        + num(foreign) + "?verbose=true", null);
    assertThat(foreignDone).containsEntry("succeeded", false);
    assertThat((List<Map<String, Object>>) foreignDone.get("logs")).last()
        .satisfies(l -> assertThat((String) l.get("message"))
            .contains("restores only its own backup URLs"));

    data.failNextRestore("pg_restore: error: out of disk");
    Map<String, Object> failed = dataApi("POST", "client/v11/databases/" + target + "/restores",
        "{\"backup_url\":\"" + capture.get("to_url") + "\"}");
    assertThat(this.<Map<String, Object>>dataApi("GET",
        "client/v11/apps/shop/transfers/" + num(failed), null))
        .containsEntry("succeeded", false);
    assertThat(rows(data.url(target), "SELECT tablename FROM pg_tables WHERE schemaname ="
        + " 'public'")).containsExactly("kept");

    dataApi("POST", "client/v11/databases/" + target + "/restores",
        "{\"backup_url\":\"" + capture.get("to_url") + "\"}");
    dataApi("GET", "client/v11/apps/shop/transfers", null);
    assertThat(rows(data.url(target), "SELECT tablename FROM pg_tables WHERE schemaname ="
        + " 'public'")).containsExactly("t");
  }

  @Test
  void connectionPoolingAttachesThePoolerOnTheApp() throws Exception {
    String db = api.addAddOn("shop", PG, null, null);

    HttpResponse<String> pooled = send(data.baseUrl(), "POST", "client/v11/databases/" + db
        + "/connection-pooling", "{\"app\":\"shop\",\"credential\":\"default\"}");

    assertThat(pooled.statusCode()).isEqualTo(201);
    assertThat(api.attachments("shop")).contains(new StoredAttachment(
        "DATABASE_CONNECTION_POOL", db, "connection-pooling:default",
        "DATABASE_CONNECTION_POOL_URL"));
    assertThat(api.app("shop").configVars()).containsKey("DATABASE_CONNECTION_POOL_URL");
  }

  @Test
  void failNextRequestAnswersTheMatchingDataRouteOnce() throws Exception {
    String db = api.addAddOn("shop", PG, null, null);
    data.failNextRequest("PUT", "/client/v11/databases/*/unfollow", 503, "try later");

    assertThat(send(data.baseUrl(), "GET", "client/v11/databases/" + db, null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> failed = send(data.baseUrl(), "PUT", "client/v11/databases/" + db
        + "/unfollow", null);
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(failed.body()).contains("try later");
    assertThat(send(data.baseUrl(), "PUT", "client/v11/databases/" + db + "/unfollow", null)
        .statusCode()).isEqualTo(422);
  }

  @Test
  void bothLinkedFakesServeConcurrentRequestsThatCrossIntoEachOther() throws Exception {
    String db = api.addAddOn("shop", PG, null, "postgres://placeholder");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // Each side's requests take both fakes' locks: Platform API attachments read add-ons
      // the Data API knows, Data API pooling writes attachments into the Platform API.
      Future<?> platformSide = pool.submit(() -> {
        for (int i = 0; i < 40; i++) {
          HttpResponse<String> r = send(api.baseUrl(), "POST", "apps/shop/addons",
              "{\"plan\":\"heroku-redis:premium-0\",\"attachment\":{\"name\":\"R" + i + "\"}}");
          assertThat(r.statusCode()).isEqualTo(201);
          send(api.baseUrl(), "GET", "apps/shop/addon-attachments", null);
          api.attachments("shop");
        }
        return null;
      });
      Future<?> dataSide = pool.submit(() -> {
        for (int i = 0; i < 40; i++) {
          HttpResponse<String> r = send(data.baseUrl(), "POST", "client/v11/databases/" + db
              + "/connection-pooling", "{\"app\":\"shop\",\"name\":\"POOL" + i + "\"}");
          assertThat(r.statusCode()).isEqualTo(201);
          send(data.baseUrl(), "GET", "client/v11/databases/" + db, null);
          data.settings(db);
        }
        return null;
      });
      // A guard against a hang, not a speed check.
      platformSide.get(2, TimeUnit.MINUTES);
      dataSide.get(2, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }
    assertThat(api.attachments("shop")).hasSize(1 + 40 + 40);
  }

  @Test
  void addPostgresBindsAGivenDatabaseWhoseBackupsAreReal() throws Exception {
    try (TestDatabase mine = TestServices.postgres().createDatabase()) {
      FakeDataApi unlinked = FakeDataApi.start("t", clock);
      try {
        unlinked.addPostgres("other", "pg-mine", "standard-0", mine);
        assertThat(unlinked.url("pg-mine")).isEqualTo(mine.url());
        assertThatThrownBy(() -> data.url("nope")).isInstanceOf(IllegalArgumentException.class);
      } finally {
        unlinked.close();
      }
      execute(mine.url(), "SELECT 1"); // the caller's database is not dropped by the fake
    }
  }
}
