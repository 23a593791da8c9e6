package io.herokusdk.testing.herokuapi;

import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * One family of resources of the fake (builds, pipelines, log sessions, ...). {@link
 * FakeHerokuApi} offers each request to every resource in turn, under its lock; the first
 * non-null answer wins. API requests reach {@link #api} only after the fake checked the token,
 * the Accept header and the rate limit; requests under {@code /_fake/} (the signed upload URLs,
 * output streams and log streams the fake hands out, which need no token) reach {@link #raw}.
 */
interface FakeResource {
  /** Answers an authenticated API request, or returns null if it is not this resource's. */
  @Nullable FakeReply api(FakeRequest request);

  /**
   * Answers a request under {@code /_fake/} (path without that first segment), or returns null
   * if it is not this resource's.
   */
  default @Nullable MockResponse raw(FakeRequest request) {
    return null;
  }

  /** Forgets this resource's state ({@link FakeHerokuApi#reset()}). */
  void reset();
}
