package io.herokusdk.api;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Answers every request with 200 and {@link #nextBody}. */
final class StubDispatcher extends Dispatcher {
  volatile String nextBody = "{}";

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("RateLimit-Remaining", "4000").body(nextBody).build();
  }
}
