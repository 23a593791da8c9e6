package io.herokusdk.api.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.herokusdk.api.BadRequestException;
import io.herokusdk.api.ConflictException;
import io.herokusdk.api.ForbiddenException;
import io.herokusdk.api.GoneException;
import io.herokusdk.api.HerokuApiException;
import io.herokusdk.api.InvalidParamsException;
import io.herokusdk.api.NotFoundException;
import io.herokusdk.api.PaymentRequiredException;
import io.herokusdk.api.RateLimitedException;
import io.herokusdk.api.ServerErrorException;
import io.herokusdk.api.TwoFactorRequiredException;
import io.herokusdk.api.UnauthorizedException;
import io.herokusdk.api.VerificationNeededException;
import io.herokusdk.core.Redactor;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Turns an error response into a {@link HerokuApiException}: by Heroku's error id when the body
 * is Heroku's JSON, by HTTP status when it is not; unknown ids give the base type.
 */
public final class ErrorMapper {
  /**
   * Heroku's error body (public because Moshi binds records through their public accessors).
   *
   * @param id the error id
   * @param message the message
   * @param url the documentation link
   */
  public record ErrorBody(@Nullable String id, @Nullable String message, @Nullable String url) {}

  private static final int MAX_TEXT = 300;

  private final JsonAdapter<ErrorBody> adapter;
  private final Redactor redactor;

  /** Creates the mapper; {@code redactor} scrubs secrets from any body text echoed. */
  public ErrorMapper(Moshi moshi, Redactor redactor) {
    this.adapter = moshi.adapter(ErrorBody.class);
    this.redactor = redactor;
  }

  /** Maps one error answer. {@code body} is the raw body text, possibly empty. */
  public HerokuApiException map(int status, @Nullable String reason, @Nullable String contentType,
      String body, @Nullable String requestId, String method, String path) {
    ErrorBody parsed = null;
    if (!body.isBlank() && (contentType == null || contentType.contains("json"))) {
      try {
        parsed = adapter.fromJson(body);
      } catch (IOException | RuntimeException notJson) {
        parsed = null;
      }
    }
    String id = parsed == null ? null : parsed.id();
    String message;
    if (parsed != null && parsed.message() != null) {
      message = parsed.message();
    } else if (!body.isBlank()) {
      String text = body.strip().replaceAll("\\s+", " ");
      message = "non-JSON error body: " + (text.length() > MAX_TEXT
          ? text.substring(0, MAX_TEXT) + "..." : text);
    } else {
      message = reason == null || reason.isBlank() ? "HTTP " + status : reason;
    }
    message = redactor.redact(message);
    String url = parsed == null ? null : parsed.url();
    if (id != null) {
      HerokuApiException byId = byId(id, status, message, url, requestId, method, path);
      if (byId != null) {
        return byId;
      }
      if (status >= 500) {
        return new ServerErrorException(status, id, message, url, requestId, method, path);
      }
      return new HerokuApiException(status, id, message, url, requestId, method, path);
    }
    return byStatus(status, message, requestId, method, path);
  }

  private static @Nullable HerokuApiException byId(String id, int s, String m, @Nullable String u,
      @Nullable String r, String method, String path) {
    return switch (id) {
      case "bad_request" -> new BadRequestException(s, id, m, u, r, method, path);
      case "unauthorized" -> new UnauthorizedException(s, id, m, u, r, method, path);
      case "delinquent" -> new PaymentRequiredException(s, id, m, u, r, method, path);
      case "forbidden", "suspended" -> new ForbiddenException(s, id, m, u, r, method, path);
      case "two_factor" -> new TwoFactorRequiredException(s, id, m, u, r, method, path);
      case "not_found" -> new NotFoundException(s, id, m, u, r, method, path);
      case "conflict" -> new ConflictException(s, id, m, u, r, method, path);
      case "gone" -> new GoneException(s, id, m, u, r, method, path);
      case "invalid_params" -> new InvalidParamsException(s, id, m, u, r, method, path);
      case "verification_needed" -> new VerificationNeededException(s, id, m, u, r, method, path);
      case "rate_limit" -> new RateLimitedException(s, id, m, u, r, method, path);
      default -> null;
    };
  }

  private static HerokuApiException byStatus(int s, String m, @Nullable String r, String method,
      String path) {
    return switch (s) {
      case 400 -> new BadRequestException(s, null, m, null, r, method, path);
      case 401 -> new UnauthorizedException(s, null, m, null, r, method, path);
      case 402 -> new PaymentRequiredException(s, null, m, null, r, method, path);
      case 403 -> new ForbiddenException(s, null, m, null, r, method, path);
      case 404 -> new NotFoundException(s, null, m, null, r, method, path);
      case 409 -> new ConflictException(s, null, m, null, r, method, path);
      case 410 -> new GoneException(s, null, m, null, r, method, path);
      case 422 -> new InvalidParamsException(s, null, m, null, r, method, path);
      case 429 -> new RateLimitedException(s, null, m, null, r, method, path);
      default -> s >= 500 ? new ServerErrorException(s, null, m, null, r, method, path)
          : new HerokuApiException(s, null, m, null, r, method, path);
    };
  }
}
