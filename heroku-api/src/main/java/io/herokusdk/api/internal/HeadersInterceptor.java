package io.herokusdk.api.internal;

import io.herokusdk.core.Secret;
import java.io.IOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Adds Heroku's headers: {@code Accept} (unless the link set its own), {@code Authorization},
 * {@code User-Agent}, a {@code Request-Id} (unless the caller set one) and, when configured,
 * {@code Heroku-Two-Factor-Code}. Marks POST/PATCH bodies one-shot so OkHttp never replays them
 * after they may have been sent.
 */
public final class HeadersInterceptor implements Interceptor {
  /** The Platform API v3 media type. */
  public static final String ACCEPT = "application/vnd.heroku+json; version=3";

  private final Secret token;
  private final String userAgent;
  private final @Nullable Secret twoFactorCode;

  /** Creates the interceptor. */
  public HeadersInterceptor(Secret token, String userAgent, @Nullable Secret twoFactorCode) {
    this.token = token;
    this.userAgent = userAgent;
    this.twoFactorCode = twoFactorCode;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder b = request.newBuilder();
    if (request.header("Accept") == null) {
      b.header("Accept", ACCEPT);
    }
    if (request.header("Authorization") == null) {
      b.header("Authorization", "Bearer " + token.reveal());
    }
    b.header("User-Agent", userAgent);
    if (request.header("Request-Id") == null) {
      b.header("Request-Id", UUID.randomUUID().toString());
    }
    if (twoFactorCode != null) {
      b.header("Heroku-Two-Factor-Code", twoFactorCode.reveal());
    }
    RequestBody body = request.body();
    if (body != null && !RetryInterceptor.isIdempotent(request.method())) {
      b.method(request.method(), new OneShot(body));
    }
    return chain.proceed(b.build());
  }

  /** A body OkHttp must not resend after the first attempt started writing. */
  private static final class OneShot extends RequestBody {
    private final RequestBody delegate;

    OneShot(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public @Nullable MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }
  }
}
