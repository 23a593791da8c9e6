package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.herokusdk.api.codegen.LinkInfo;
import io.herokusdk.api.codegen.Schema;
import io.herokusdk.core.Backoff;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.herokusdk.testing.herokuapi.FakeHerokuApi.ReceivedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link FakeHerokuApi} per test, with a {@link Heroku} client on it, whose every answer is
 * checked against the Platform API schema after the test: a 2xx JSON answer must validate
 * against its link's {@code targetSchema} (types, enums, no unknown keys), an error answer must
 * be Heroku's {@code {"id", "message", "url"}}. So the fake cannot drift from the real API. When
 * the schema file is absent the answers go unchecked, with a printed note.
 *
 * <pre>{@code @RegisterExtension final SchemaCheckedFake fake = new SchemaCheckedFake();}</pre>
 */
public final class SchemaCheckedFake implements BeforeEachCallback, AfterEachCallback {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]+}");

  private final UnaryOperator<FakeHerokuApi.Builder> fakeSettings;
  private FakeHerokuApi api;
  private Heroku heroku;

  /** A fake with the default settings. */
  public SchemaCheckedFake() {
    this(b -> b);
  }

  /** A fake built with {@code fakeSettings} applied to its builder (clock, two-factor, ...). */
  public SchemaCheckedFake(UnaryOperator<FakeHerokuApi.Builder> fakeSettings) {
    this.fakeSettings = fakeSettings;
  }

  /** The fake of the running test. */
  public FakeHerokuApi api() {
    return api;
  }

  /** A client on the fake, retrying 429 and 5xx quickly. */
  public Heroku heroku() {
    return heroku;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    api = fakeSettings.apply(FakeHerokuApi.builder()).start();
    heroku = Heroku.builder().token(api.token()).baseUrl(api.baseUrl())
        .rateLimitPolicy(RateLimitPolicy.builder().maxRetries(2)
            .backoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(20))).build())
        .retryPolicy(RetryPolicy.builder()
            .backoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(20))).build())
        .build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (context.getExecutionException().isEmpty()) checkAnswers(api.requests());
    } finally {
      heroku.close();
      api.close();
    }
  }

  /** Fails if an answer of the fake does not match the schema; returns how many were checked. */
  public static int checkAnswers(List<ReceivedRequest> requests) {
    Optional<Schema> schema = schema();
    if (schema.isEmpty()) {
      System.out.println("Fake answers not checked: Heroku schema not found (set -Dheroku.schema)");
      return 0;
    }
    SchemaSubsetValidator validator = new SchemaSubsetValidator(schema.get());
    List<LinkInfo> links = LinkInfo.all(schema.get());
    var json = new Moshi.Builder().build().adapter(Object.class).lenient();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (ReceivedRequest r : requests) {
      if (r.responseBody() == null) continue;
      Object body;
      try {
        body = json.fromJson(r.responseBody());
      } catch (IOException e) {
        failures.add(r.method() + " " + r.path() + ": answer is not JSON");
        continue;
      }
      String where = r.method() + " " + r.path() + " -> " + r.status();
      if (r.status() >= 400) {
        if (!(body instanceof java.util.Map<?, ?> error) || !(error.get("id") instanceof String)
            || !(error.get("message") instanceof String)) {
          failures.add(where + ": not Heroku's error body {id, message, url}");
        }
        checked++;
        continue;
      }
      Optional<LinkInfo> link = linkFor(links, r.method(), r.path());
      if (link.isEmpty()) {
        failures.add(where + ": no link of the schema has this method and path");
        continue;
      }
      if (link.get().targetSchema() == null) continue;
      for (String error : validator.validate(body, link.get().targetSchema())) {
        failures.add(where + " (" + link.get().resource() + " \"" + link.get().title() + "\"): "
            + error);
      }
      checked++;
    }
    assertThat(failures).as("answers of the fake that do not match Heroku's schema").isEmpty();
    return checked;
  }

  /** The link whose href matches; the one with the fewest placeholders when several do. */
  static Optional<LinkInfo> linkFor(List<LinkInfo> links, String method, String path) {
    return links.stream()
        .filter(l -> l.method().equals(method))
        .filter(l -> Pattern.compile(PLACEHOLDER.matcher(Pattern.quote(l.href()))
            .replaceAll("\\\\E[^/]+\\\\Q")).matcher(path).matches())
        .min(Comparator.comparingInt(l -> l.pathParams().size()));
  }

  private static Optional<Schema> schema() {
    return LoadedSchema.SCHEMA;
  }

  /** Read once per test JVM, on first use. */
  private static final class LoadedSchema {
    static final Optional<Schema> SCHEMA = load();

    private static Optional<Schema> load() {
      Path file = Paths.get(System.getProperty("heroku.schema",
          "../../shared/reference/heroku-platform-api-schema.json"));
      if (!Files.isRegularFile(file)) return Optional.empty();
      try {
        return Optional.of(Schema.load(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
