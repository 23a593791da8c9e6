package io.herokusdk.api.internal;

import com.squareup.moshi.Moshi;
import io.herokusdk.api.HerokuApiException;
import io.herokusdk.api.HerokuConnectionException;
import io.herokusdk.api.Page;
import io.herokusdk.api.Paged;
import io.herokusdk.api.Range;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;

/** What generated resource clients call: executes Retrofit calls and maps errors. */
public final class ApiRuntime {
  private final Retrofit retrofit;
  private final ErrorMapper errors;
  private final Moshi moshi;

  /** Creates the runtime. */
  public ApiRuntime(Retrofit retrofit, ErrorMapper errors, Moshi moshi) {
    this.retrofit = retrofit;
    this.errors = errors;
    this.moshi = moshi;
  }

  /**
   * This runtime sending to another host (the Data API): same client, interceptors, converters
   * and error mapping.
   */
  public ApiRuntime withBaseUrl(okhttp3.HttpUrl baseUrl) {
    return new ApiRuntime(retrofit.newBuilder().baseUrl(baseUrl).build(), errors, moshi);
  }

  /** The Moshi with the generated adapters and java.time support. */
  public Moshi moshi() {
    return moshi;
  }

  /** Maps error answers to the typed exceptions, token redacted. */
  public ErrorMapper errors() {
    return errors;
  }

  /** A Retrofit implementation of {@code service}. */
  public <S> S service(Class<S> service) {
    return retrofit.create(service);
  }

  /** Checks and percent-encodes one path segment. */
  public String segment(String name, String value) {
    Objects.requireNonNull(value, name);
    return PathSegments.encode(value);
  }

  /** Checks a request body. */
  public <B> B body(B body) {
    return Objects.requireNonNull(body, "body");
  }

  /**
   * Turns a GET link's parameter record into query parameters: its non-null fields under their
   * JSON names, lists joined with commas.
   */
  public Map<String, String> query(Object params) {
    Objects.requireNonNull(params, "body");
    Object json = moshi.adapter(Object.class).toJsonValue(params);
    Map<String, String> out = new LinkedHashMap<>();
    if (json instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object v = e.getValue();
        if (v == null) {
          continue;
        }
        String text;
        if (v instanceof List<?> list) {
          StringBuilder b = new StringBuilder();
          for (Object item : list) {
            b.append(b.length() == 0 ? "" : ",").append(scalar(item));
          }
          text = b.toString();
        } else {
          text = scalar(v);
        }
        out.put(String.valueOf(e.getKey()), text);
      }
    }
    return out;
  }

  private static String scalar(@Nullable Object v) {
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(v);
  }

  /**
   * Sends {@code call}; returns its body. A success without one ({@code 204}, or a JSON {@code
   * null}) is a {@link HerokuApiException}: the caller was promised a value.
   */
  public <T> T execute(Call<T> call) {
    Response<T> response = send(call);
    T body = response.body();
    if (body == null) {
      okhttp3.Response raw = response.raw();
      throw new HerokuApiException(raw.code(), null, "the answer has no body where one was"
          + " expected", null, requestId(raw.request(), raw.header("Request-Id")),
          raw.request().method(), raw.request().url().encodedPath());
    }
    return body;
  }

  /** Sends {@code call} for its effect: a link that answers no body, or one nobody reads. */
  public void executeDiscardingBody(Call<?> call) {
    send(call);
  }

  /** A lazy list over the pages that {@code call} fetches for a {@code Range} header value. */
  public <T> Paged<T> paged(Function<String, Call<List<T>>> call) {
    return new PagedImpl<T>(range -> page(call, range), Range.DEFAULT);
  }

  private <T> Page<T> page(Function<String, Call<List<T>>> call, Range range) {
    Response<List<T>> response = send(call.apply(range.value()));
    String next = response.code() == 206 ? response.headers().get("Next-Range") : null;
    List<T> items = response.body() == null ? List.of()
        : Collections.unmodifiableList(new ArrayList<>(response.body()));
    return new Page<>(items, range, next == null || next.isBlank() ? null : Range.of(next),
        response.code(), requestId(response.raw().request(), response.headers().get("Request-Id")));
  }

  private <T> Response<T> send(Call<T> call) {
    Request request = call.request();
    Response<T> response;
    try {
      response = call.execute();
    } catch (RequestFailedException e) {
      throw new HerokuConnectionException(request.method(), request.url().encodedPath(),
          e.requestId(), e.cause());
    } catch (IOException e) {
      throw new HerokuConnectionException(request.method(), request.url().encodedPath(),
          request.header("Request-Id"), e);
    }
    if (response.isSuccessful()) {
      return response;
    }
    String text;
    try (ResponseBody body = response.errorBody()) {
      text = body == null ? "" : body.string();
    } catch (IOException e) {
      text = "";
    }
    okhttp3.Response raw = response.raw();
    throw errors.map(response.code(), raw.message(), raw.header("Content-Type"), text,
        requestId(raw.request(), raw.header("Request-Id")), raw.request().method(),
        raw.request().url().encodedPath());
  }

  private static @Nullable String requestId(Request sent, @Nullable String fromServer) {
    return fromServer != null ? fromServer : sent.header("Request-Id");
  }
}
