package io.herokusdk.api.workflow;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The source tarball could not be uploaded to the signed URL Heroku gave. */
public final class UploadFailedException extends DeployException {
  private static final long serialVersionUID = 1L;
  /** The last HTTP status the upload URL answered, or 0. */
  private final int status;
  /** How many times the tarball was sent. */
  private final int attempts;

  /**
   * An upload that ended with HTTP {@code status} (0 if none) after {@code attempts}.
   *
   * @param app the app's name
   * @param message why the upload failed, for the exception's message
   * @param status the last HTTP status the upload URL answered, or 0 if none
   * @param attempts how many times the whole tarball was sent, 1 or more
   * @param cause the underlying failure
   */
  public UploadFailedException(String app, @Nullable String message, int status, int attempts,
      Throwable cause) {
    super(app, "Uploading the source of " + app + " failed: " + message, List.of(), cause);
    this.status = status;
    this.attempts = attempts;
  }

  /**
   * The last HTTP status the upload URL answered, or 0 if the last attempt got none.
   *
   * @return the status, such as 403 once the signed URL expired, or 0
   */
  public int status() {
    return status;
  }

  /**
   * How many times the whole tarball was sent.
   *
   * @return the attempts, 1 to {@link DeployRequest#uploadAttempts()}
   */
  public int attempts() {
    return attempts;
  }
}
