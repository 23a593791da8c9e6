package io.herokusdk.examples.springboot;

import io.herokusdk.core.Redactor;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.redis.RateLimiter;
import io.herokusdk.redis.RedisCache;
import io.herokusdk.redis.RedisUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API.
 *
 * <ul>
 *   <li>{@code POST /signup} {@code {"email", "name"}}: 201 with the user and {@code Location},
 *       rate-limited per client IP; the welcome email is queued for the worker.
 *   <li>{@code GET /users/{id}}: the user, read through the Redis cache; header {@code X-Cache:
 *       HIT} or {@code MISS}.
 * </ul>
 *
 * Health is Actuator's {@code /actuator/health} (the starter's Postgres, Redis and mail checks).
 */
@RestController
class SignupController {
  private static final Logger log = LoggerFactory.getLogger(SignupController.class);

  private final SignupService signups;
  private final UserRepository users;
  private final WelcomeEmails welcomeEmails;
  private final RedisCache cache;
  private final RateLimiter limiter;
  private final SignupProperties properties;

  SignupController(SignupService signups, UserRepository users, WelcomeEmails welcomeEmails,
      HerokuRedis redis, SignupProperties properties) {
    this.signups = signups;
    this.users = users;
    this.welcomeEmails = welcomeEmails;
    this.cache = redis.cache();
    this.limiter = redis.rateLimiter("signup", properties.rateLimit(), properties.rateWindow(),
        RateLimiter.Window.SLIDING);
    this.properties = properties;
  }

  @PostMapping("/signup")
  ResponseEntity<UserView> signup(@RequestBody(required = false) SignupRequest body,
      HttpServletRequest request) {
    // The limit first: a flood costs one Redis script per request and no database work.
    RateLimiter.Decision decision =
        limiter.tryAcquire(ClientIp.resolve(request, properties.trustsForwardedFor()));
    if (!decision.allowed()) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
          "Too many sign-ups from your address; retry later.", null, decision.retryAfter());
    }
    if (body == null) throw ApiException.invalid("body", ApiExceptionHandler.SEND_AN_OBJECT);
    UserView user = signups.signUp(body.validated(welcomeEmails));
    try {
      welcomeEmails.enqueue(user);
    } catch (RuntimeException e) {
      // The user is committed, so this is still a 201 (a retry would get 409); the
      // welcome_emails row stays unsettled.
      log.warn("User {} signed up but the welcome email could not be queued: {}: {}", user.id(),
          e.getClass().getSimpleName(), Redactor.redactUrls(e.getMessage()));
    }
    return ResponseEntity.created(URI.create("/users/" + user.id())).body(user);
  }

  @GetMapping("/users/{id}")
  ResponseEntity<UserView> user(@PathVariable long id) {
    if (id <= 0) throw ApiException.invalid("id", "id must be positive.");
    String key = "user:" + id;
    Optional<UserView> cached;
    try {
      cached = cache.get(key, UserView.class);
    } catch (RedisUnavailableException e) {
      cached = Optional.empty(); // read from Postgres; getOrCompute then skips the cache too
    }
    if (cached.isPresent()) return ResponseEntity.ok().header("X-Cache", "HIT").body(cached.get());
    UserView user = cache.getOrCompute(key, properties.userCacheTtl(), UserView.class,
        () -> users.findById(id).map(User::view).orElse(null));
    if (user == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "not_found", "No user " + id + ".", "id",
          null);
    }
    return ResponseEntity.ok().header("X-Cache", "MISS").body(user);
  }
}
