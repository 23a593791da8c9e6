package io.herokusdk.api.workflow;

import io.herokusdk.api.model.ReviewApp;
import io.herokusdk.api.model.ReviewAppStatus;
import org.jspecify.annotations.Nullable;

/**
 * How a review app's creation ended.
 *
 * @param id the review app's id
 * @param appId the app it created, or null when none was created
 * @param status {@code created}, or {@code errored} / {@code deleted}
 * @param errorStatus Heroku's {@code error_status}, or null
 * @param message Heroku's {@code message}, or null
 * @param setup the outcome of the app setup that built it (manifest errors, postdeploy output
 *     and exit code, build), or null when it had none
 */
public record ReviewAppResult(String id, @Nullable String appId, ReviewAppStatus status,
    @Nullable String errorStatus, @Nullable String message, @Nullable AppSetupResult setup) {
  static ReviewAppResult of(ReviewApp app, @Nullable AppSetupResult setup) {
    return new ReviewAppResult(app.id(), app.app() == null ? null : app.app().id(), app.status(),
        app.errorStatus(), app.message(), setup);
  }
}
