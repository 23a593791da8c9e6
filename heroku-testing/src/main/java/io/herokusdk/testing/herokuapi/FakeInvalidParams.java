package io.herokusdk.testing.herokuapi;

/** A bad request body: the fake answers 422 {@code invalid_params} with this message. */
final class FakeInvalidParams extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FakeInvalidParams(String message) {
    super(message, null, false, false);
  }
}
