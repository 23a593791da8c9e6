package io.herokusdk.testing.herokuapi;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as a {@link FakeResource} sees it.
 *
 * @param method the HTTP method
 * @param path the decoded path segments, like {@code [apps, my-app, builds]}
 * @param query the raw query, or null
 * @param headers the headers, names in lower case
 * @param body the body as UTF-8 text ("" when none)
 * @param bodyBytes the body as sent
 */
record FakeRequest(String method, List<String> path, @Nullable String query,
    Map<String, String> headers,
    String body, byte[] bodyBytes) {
  /** True if the path has exactly these segments, {@code "*"} matching any one. */
  boolean matches(String... segments) {
    if (path.size() != segments.length) return false;
    for (int i = 0; i < segments.length; i++) {
      if (!segments[i].equals("*") && !segments[i].equals(path.get(i))) return false;
    }
    return true;
  }

  /** The path segment at {@code index}. */
  String segment(int index) {
    return path.get(index);
  }

  /** The header (name in any case), or null. */
  @Nullable String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
