package io.herokusdk.mail.internal;

import io.herokusdk.core.NoDelaySocketFactory;
import io.herokusdk.core.Redactor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The OkHttp plumbing both HTTP transports share: one client with the configured timeouts and
 * proxy, OkHttp's silent retries and redirects off, at most {@code maxConnections} requests at
 * once, and an {@link EventListener} that tells "nothing was written" from "written, no answer".
 * Installs no interceptor and logs nothing, so no header (the API key) can reach a log. Not API.
 */
public final class OkHttpTransport implements AutoCloseable {
  /**
   * Pooled connections idle this long are closed, so that a keep-alive connection the server
   * dropped is rarely reused (a failure on it would look like "written, no answer"); OkHttp
   * itself checks a connection idle 10 s or more before it carries a POST.
   */
  static final long KEEP_ALIVE_SECONDS = 4;

  /**
   * One answer, as the transport-specific mapping sees it.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the body text, already redacted of the API key
   */
  public record Answer(int status, Headers headers, String body) {}

  /** Marks a call's request as written. One per call, attached as a request tag. */
  private static final class WriteTracker {
    final AtomicBoolean written = new AtomicBoolean();
  }

  private final OkHttpClient client;
  private final Semaphore slots;
  private final long slotWaitMillis;
  private final Redactor redactor;

  /**
   * Creates the client.
   *
   * @param settings timeouts and proxy
   * @param maxConnections how many requests may be in flight at once
   * @param redactor removes the API key from error bodies and exception messages
   */
  public OkHttpTransport(HttpSettings settings, int maxConnections, Redactor redactor) {
    this.redactor = redactor;
    this.slots = new Semaphore(maxConnections, true);
    this.slotWaitMillis = settings.connectTimeout().toMillis();
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(maxConnections, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false)
        .socketFactory(NoDelaySocketFactory.get())
        .followRedirects(false)
        .followSslRedirects(false)
        .eventListener(new EventListener() {
          @Override
          public void requestHeadersStart(Call call) {
            WriteTracker tracker = call.request().tag(WriteTracker.class);
            if (tracker != null) tracker.written.set(true);
          }
        });
    if (settings.proxyHost() != null) {
      builder.proxy(new Proxy(Proxy.Type.HTTP,
          InetSocketAddress.createUnresolved(settings.proxyHost(), settings.proxyPort())));
      if (settings.proxyUser() != null) {
        String proxyAuth = Credentials.basic(settings.proxyUser(),
            settings.proxyPassword() == null ? "" : settings.proxyPassword().reveal());
        builder.proxyAuthenticator((route, response) ->
            response.request().header("Proxy-Authorization") != null ? null
                : response.request().newBuilder().header("Proxy-Authorization", proxyAuth).build());
      }
    }
    this.client = builder.build();
  }

  /**
   * Makes one request and maps its answer with {@code toOutcome}. An I/O failure before the
   * request started being written is {@link Outcome.NotSent}; after, {@link Outcome.Unknown}.
   */
  public Outcome execute(Request request, Function<Answer, Outcome> toOutcome) {
    String host = request.url().host() + ":" + request.url().port();
    try {
      if (!slots.tryAcquire(slotWaitMillis, TimeUnit.MILLISECONDS)) {
        return new Outcome.NotSent("no free connection to " + host + " within "
            + slotWaitMillis + " ms (all maxConnections in use); nothing was sent", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.NotSent("interrupted while waiting for a connection to " + host, e);
    }
    WriteTracker tracker = new WriteTracker();
    Request tracked = request.newBuilder().tag(WriteTracker.class, tracker).build();
    try (Response response = client.newCall(tracked).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      return toOutcome.apply(new Answer(response.code(), response.headers(), redactor.redact(text)));
    } catch (IOException e) {
      String what = redactor.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
      if (tracker.written.get()) {
        return new Outcome.Unknown("no answer from " + host + " (" + what + ")", 0, e);
      }
      return new Outcome.NotSent("could not connect to " + host + " (" + what + ")", e);
    } finally {
      slots.release();
    }
  }

  /** Releases connections and stops OkHttp's executor. */
  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
