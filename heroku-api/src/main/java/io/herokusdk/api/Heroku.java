package io.herokusdk.api;

import com.squareup.moshi.Moshi;
import io.herokusdk.api.internal.ApiRuntime;
import io.herokusdk.api.internal.ErrorMapper;
import io.herokusdk.api.internal.HeadersInterceptor;
import io.herokusdk.api.internal.JavaTimeAdapters;
import io.herokusdk.api.internal.ListenerInterceptor;
import io.herokusdk.api.internal.Netrc;
import io.herokusdk.api.internal.RateLimiter;
import io.herokusdk.api.internal.RetryInterceptor;
import io.herokusdk.api.internal.SerializeNulls;
import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.data.HerokuData;
import io.herokusdk.api.internal.Sleeper;
import io.herokusdk.api.internal.service.GeneratedAdapters;
import io.herokusdk.api.resources.HerokuResources;
import io.herokusdk.api.workflow.Workflows;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.NoDelaySocketFactory;
import io.herokusdk.core.Redactor;
import io.herokusdk.core.Secret;
import io.herokusdk.core.Waiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * A client for the Heroku Platform API: every one of its 305 links, one accessor per resource.
 *
 * <pre>{@code
 * try (Heroku heroku = Heroku.fromEnv()) {
 *   App app = heroku.apps().info("my-app");
 *   heroku.configVars().update("my-app", Map.of("FEATURE_X", "on"));
 *   heroku.apps().list().stream().map(App::name).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Thread-safe; share one instance. Errors are {@link HerokuApiException}s (answers) and
 * {@link HerokuConnectionException}s (no answer). The token never appears in {@code toString()},
 * exceptions or logs.
 */
public final class Heroku extends HerokuResources implements Closeable {
  /** {@code https://api.heroku.com/}. */
  public static final String DEFAULT_BASE_URL = "https://api.heroku.com/";
  /** {@code https://api.data.heroku.com/}: the Data API of Heroku Postgres and Key-Value Store. */
  public static final String DEFAULT_DATA_URL = "https://api.data.heroku.com/";
  /** The config var that overrides the Data API host, as for the Heroku CLI. */
  public static final String DATA_HOST_VAR = "HEROKU_DATA_HOST";
  /** The config var holding the token. */
  public static final String API_KEY_VAR = "HEROKU_API_KEY";

  private static final String NETRC_HOST = "api.heroku.com";
  private static final String VERSION = "0.1.0";

  private final Builder config;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final Workflows workflows;
  private final HerokuData data;

  private Heroku(Builder config, OkHttpClient client, boolean ownsClient, ApiRuntime runtime) {
    super(runtime);
    this.config = config;
    this.client = client;
    this.ownsClient = ownsClient;
    OkHttpClient.Builder streams = client.newBuilder();
    streams.interceptors().removeIf(i -> i instanceof HeadersInterceptor
        || i instanceof RetryInterceptor || i instanceof ListenerInterceptor);
    OkHttpClient streamClient = streams.build();
    this.workflows = new Workflows(
        new WorkflowContext(this, streamClient, runtime), Waiter.ofDefaults());
    this.data = new HerokuData(new WorkflowContext(this, streamClient,
        runtime.withBaseUrl(config.dataUrl)), Waiter.ofDefaults());
  }

  /**
   * Heroku Data: Postgres and Key-Value Store (Redis) operations on the Data API host, with this
   * client's token, retries, typed errors and {@code Request-Id}.
   *
   * @return the Data API operations, sent to {@link Builder#dataUrl(String)}
   */
  public HerokuData data() {
    return data;
  }

  /**
   * Deploys, releases, promotions, review apps, app setups, add-ons, domains, dynos and logs:
   * the multi-step operations, with uploads, streamed output and waits.
   *
   * @return the workflows, on this client's connections
   */
  public Workflows workflows() {
    return workflows;
  }

  /**
   * A client authenticated the way the Heroku CLI is: {@code HEROKU_API_KEY} from the environment
   * (or {@code .env}), else the {@code api.heroku.com} entry (or the {@code default} entry) of
   * {@code ~/.netrc}.
   *
   * @return a new client with {@code HEROKU_DATA_HOST} applied if set; close it when done
   * @throws io.herokusdk.core.MissingConfigVarException if neither has a token
   */
  public static Heroku fromEnv() {
    return builderFrom(ConfigVars.fromEnv(), Path.of(System.getProperty("user.home", "."))).build();
  }

  /**
   * A client from explicit config vars: {@code HEROKU_API_KEY} (required: no {@code .netrc} is
   * read) and {@code HEROKU_DATA_HOST}.
   *
   * @param configVars where to read {@code HEROKU_API_KEY} and the optional {@code
   *     HEROKU_DATA_HOST} (a host name or an http(s) URL)
   * @return a new client; close it when done
   * @throws io.herokusdk.core.MissingConfigVarException if {@code HEROKU_API_KEY} is not set
   */
  public static Heroku fromConfig(ConfigVars configVars) {
    Objects.requireNonNull(configVars, "configVars == null");
    Optional<Secret> token = configVars.secret(API_KEY_VAR).filter(s -> !s.isEmpty());
    if (token.isEmpty()) {
      throw configVars.missing(API_KEY_VAR, "set it to an API token (`heroku authorizations:create`)");
    }
    return withDataHost(builder(), configVars).token(token.get()).build();
  }

  private static Builder withDataHost(Builder builder, ConfigVars config) {
    config.get(DATA_HOST_VAR).filter(h -> !h.isBlank()).ifPresent(h -> {
      try {
        builder.dataUrl(h.contains("://") ? h : "https://" + h.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(DATA_HOST_VAR + " is not a host name or http(s) URL:"
            + " set it to a host like api.data.heroku.com, or unset it", e);
      }
    });
    return builder;
  }

  /** Like {@link #fromEnv()}, reading {@code config} and {@code home/.netrc}; for tests. */
  static Builder builderFrom(ConfigVars config, Path home) {
    Builder builder = withDataHost(builder(), config);
    Optional<Secret> fromVar = config.secret(API_KEY_VAR).filter(s -> !s.isEmpty());
    if (fromVar.isPresent()) {
      return builder.token(fromVar.get());
    }
    try {
      Optional<String> fromNetrc = Netrc.read(home.resolve(".netrc")).entryFor(NETRC_HOST)
          .map(Netrc.Entry::password).filter(p -> !p.isBlank());
      if (fromNetrc.isPresent()) {
        return builder.token(Secret.of(fromNetrc.get()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + home.resolve(".netrc"), e);
    }
    throw config.missing(API_KEY_VAR, "or log in with `heroku login` to write ~/.netrc");
  }

  /**
   * A builder with the defaults: no token yet, {@link #DEFAULT_BASE_URL}, default policies.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this client's settings (sharing its OkHttpClient if one was given).
   *
   * @return a new builder, including the two-factor code if this is a {@link #withTwoFactorCode}
   *     view
   */
  public Builder toBuilder() {
    return config.copy();
  }

  /**
   * A view of this client that sends {@code Heroku-Two-Factor-Code: code} with every request:
   * how to resend a call that failed with {@link TwoFactorRequiredException}. Shares this
   * client's connections; closing the view does nothing.
   *
   * @param code the current second-factor code, like {@code 123456}; kept out of logs and errors
   * @return a new view; this client is unchanged
   */
  public Heroku withTwoFactorCode(String code) {
    Objects.requireNonNull(code, "code");
    Builder b = config.copy();
    b.twoFactorCode = Secret.of(code);
    return b.build(client, false);
  }

  /**
   * The base URL requests go to.
   *
   * @return the URL, ending in {@code /}, like {@value #DEFAULT_BASE_URL}
   */
  public String baseUrl() {
    return config.baseUrl.toString();
  }

  /**
   * Releases the connection pool and threads, if this client created its OkHttpClient. A client
   * passed to {@link Builder#okHttpClient(OkHttpClient)} is left alone.
   */
  @Override
  public void close() {
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "Heroku{baseUrl=" + config.baseUrl + ", token=****}";
  }

  /** Settings for a {@link Heroku} client. */
  public static final class Builder {
    private @Nullable Secret token;
    private HttpUrl baseUrl = Objects.requireNonNull(HttpUrl.parse(DEFAULT_BASE_URL));
    private HttpUrl dataUrl = Objects.requireNonNull(HttpUrl.parse(DEFAULT_DATA_URL));
    private @Nullable OkHttpClient okHttpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ZERO;
    private String userAgent = "heroku-sdk-java/" + VERSION + " (Java "
        + System.getProperty("java.version", "?") + ")";
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.defaults();
    private @Nullable Secret twoFactorCode;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private @Nullable ApiListener listener;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.token = token;
      b.baseUrl = baseUrl;
      b.dataUrl = dataUrl;
      b.okHttpClient = okHttpClient;
      b.connectTimeout = connectTimeout;
      b.readTimeout = readTimeout;
      b.callTimeout = callTimeout;
      b.userAgent = userAgent;
      b.retryPolicy = retryPolicy;
      b.rateLimitPolicy = rateLimitPolicy;
      b.twoFactorCode = twoFactorCode;
      b.sleeper = sleeper;
      b.listener = listener;
      return b;
    }

    /**
     * The API token (an OAuth token or the {@code heroku auth:token} output). Required.
     *
     * @param token the token, sent as {@code Authorization: Bearer <token>}
     * @return this builder
     */
    public Builder token(Secret token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    /**
     * The API token. Required.
     *
     * @param token the token in plain text, like the output of {@code heroku auth:token}
     * @return this builder
     */
    public Builder token(String token) {
      return token(Secret.of(Objects.requireNonNull(token, "token")));
    }

    /**
     * Where to send requests; default {@value Heroku#DEFAULT_BASE_URL}. For fakes and proxies.
     *
     * @param baseUrl an http(s) URL; a {@code /} is added to its path if missing
     * @return this builder
     * @throws IllegalArgumentException if {@code baseUrl} is not an http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = parseBase(Objects.requireNonNull(baseUrl, "baseUrl"));
      return this;
    }

    /**
     * Where to send Data API requests ({@link Heroku#data()}); default {@value
     * Heroku#DEFAULT_DATA_URL}, or {@code https://$HEROKU_DATA_HOST/} with {@link
     * Heroku#fromEnv()}. For fakes and proxies.
     *
     * @param dataUrl an http(s) URL; a {@code /} is added to its path if missing
     * @return this builder
     * @throws IllegalArgumentException if {@code dataUrl} is not an http(s) URL
     */
    public Builder dataUrl(String dataUrl) {
      this.dataUrl = parseBase(Objects.requireNonNull(dataUrl, "dataUrl"));
      return this;
    }

    private static HttpUrl parseBase(String text) {
      HttpUrl url = HttpUrl.parse(text);
      if (url == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + text);
      }
      if (!url.encodedPath().endsWith("/")) {
        url = url.newBuilder().addPathSegment("").build();
      }
      return url;
    }

    /**
     * Your own OkHttpClient: the SDK derives its client with {@link OkHttpClient#newBuilder()},
     * sharing the pool and dispatcher, and does not shut it down on {@link Heroku#close()}. Its
     * TLS settings are used as they are.
     *
     * @param client the client to derive from; its timeouts are replaced by this builder's,
     *     defaults included
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Connect timeout; default 10 s.
     *
     * @param timeout how long to wait for a TCP connection to the API; zero for no timeout
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout);
      return this;
    }

    /**
     * Read (and write) timeout; default 30 s.
     *
     * @param timeout the longest pause while reading a response or writing a request; zero for
     *     no timeout
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout);
      return this;
    }

    /**
     * Timeout of one call including retries and waits; default none (zero).
     *
     * @param timeout the longest a call may take in all; zero for no timeout
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout);
      return this;
    }

    /**
     * The {@code User-Agent}; default {@code heroku-sdk-java/<version> (Java <version>)}.
     *
     * @param userAgent the header value, not blank, without line breaks
     * @return this builder
     * @throws IllegalArgumentException if {@code userAgent} is blank or has a CR or LF
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank() || userAgent.indexOf('\n') >= 0 || userAgent.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("not a User-Agent value");
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Retries on connection failures and 5xx; default {@link RetryPolicy#defaults()}.
     *
     * @param policy the policy, or {@link RetryPolicy#none()} to never retry
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * 429 retries and the optional throttle; default {@link RateLimitPolicy#defaults()}.
     *
     * @param policy the policy; each built client (and {@link Heroku#withTwoFactorCode} view)
     *     keeps its own throttle state
     * @return this builder
     */
    public Builder rateLimitPolicy(RateLimitPolicy policy) {
      this.rateLimitPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Reports every HTTP exchange (each retry too) to {@code listener}, e.g. for metrics; see
     * {@link ApiListener}. Default none.
     *
     * @param listener the listener; one that throws is logged and ignored
     * @return this builder
     */
    public Builder listener(ApiListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** How the client waits between retries; for tests in this package. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    private static Duration nonNegative(Duration d) {
      Objects.requireNonNull(d, "timeout");
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative timeout: " + d);
      }
      return d;
    }

    /**
     * Builds the client.
     *
     * @return a new client; it owns a new OkHttpClient unless {@link #okHttpClient} gave one
     * @throws IllegalStateException if no token was set
     */
    public Heroku build() {
      OkHttpClient given = okHttpClient;
      boolean owns = given == null;
      OkHttpClient base = given != null ? given
          : new OkHttpClient.Builder().socketFactory(NoDelaySocketFactory.get()).build();
      OkHttpClient.Builder b = base.newBuilder()
          .connectTimeout(connectTimeout)
          .readTimeout(readTimeout)
          .writeTimeout(readTimeout)
          .callTimeout(callTimeout);
      return copy().build(b, owns);
    }

    private Heroku build(OkHttpClient shared, boolean owns) {
      return build(shared.newBuilder(), owns);
    }

    private Heroku build(OkHttpClient.Builder clientBuilder, boolean owns) {
      if (token == null) {
        throw new IllegalStateException("no token: call token(...) or use Heroku.fromEnv()");
      }
      Secret t = token;
      RateLimiter limiter = new RateLimiter(rateLimitPolicy.throttleFloor(),
          rateLimitPolicy.refillPerMinute(), System::nanoTime);
      clientBuilder.interceptors().removeIf(i -> i instanceof HeadersInterceptor
          || i instanceof RetryInterceptor || i instanceof ListenerInterceptor);
      clientBuilder.addInterceptor(new HeadersInterceptor(t, userAgent, twoFactorCode));
      clientBuilder.addInterceptor(new RetryInterceptor(retryPolicy, rateLimitPolicy, limiter,
          sleeper, ThreadLocalRandom.current()));
      if (listener != null) clientBuilder.addInterceptor(new ListenerInterceptor(listener));
      OkHttpClient client = clientBuilder.build();
      Moshi moshi = GeneratedAdapters.addTo(new Moshi.Builder())
          .add(Instant.class, JavaTimeAdapters.INSTANT)
          .add(LocalDate.class, JavaTimeAdapters.LOCAL_DATE)
          .add(SerializeNulls.Factory.INSTANCE)
          .build();
      Retrofit retrofit = new Retrofit.Builder()
          .baseUrl(baseUrl)
          .client(client)
          .addConverterFactory(MoshiConverterFactory.create(moshi))
          .build();
      Redactor redactor = Redactor.of(twoFactorCode == null ? new Secret[] {t}
          : new Secret[] {t, twoFactorCode});
      ApiRuntime runtime = new ApiRuntime(retrofit, new ErrorMapper(moshi, redactor), moshi);
      return new Heroku(copy(), client, owns, runtime);
    }

    @Override
    public String toString() {
      return "Heroku.Builder{baseUrl=" + baseUrl + ", token=" + (token == null ? "unset" : "****")
          + "}";
    }
  }
}
