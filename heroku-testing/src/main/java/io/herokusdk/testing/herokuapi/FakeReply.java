package io.herokusdk.testing.herokuapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the fake answers to an API request: status, extra headers, JSON (or null for no body). */
final class FakeReply {
  static final String DOCS = "https://devcenter.heroku.com/articles/platform-api-reference";

  final int status;
  final Object json;
  final Map<String, String> headers = new LinkedHashMap<>();

  private FakeReply(int status, Object json) {
    this.status = status;
    this.json = json;
  }

  static FakeReply ok(int status, Object json) {
    return new FakeReply(status, json);
  }

  /** Heroku's error body {@code {"id", "message", "url"}}. */
  static FakeReply error(int status, String id, @Nullable String message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("message", message);
    json.put("url", DOCS + "#errors");
    return new FakeReply(status, json);
  }

  static FakeReply notFound(String what) {
    return error(404, "not_found", "Couldn't find that " + what + ".");
  }

  /** Adds a response header. */
  FakeReply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
