package io.herokusdk.api.workflow;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The source tarball could not be uploaded to the signed URL Heroku gave. */
public final class UploadFailedException extends DeployException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final int attempts;

  /** An upload that ended with HTTP {@code status} (0 if none) after {@code attempts}. */
  public UploadFailedException(String app, @Nullable String message, int status, int attempts,
      Throwable cause) {
    super(app, "Uploading the source of " + app + " failed: " + message, List.of(), cause);
    this.status = status;
    this.attempts = attempts;
  }

  /** The last HTTP status the upload URL answered, or 0 if the last attempt got none. */
  public int status() {
    return status;
  }

  /** How many times the whole tarball was sent. */
  public int attempts() {
    return attempts;
  }
}
