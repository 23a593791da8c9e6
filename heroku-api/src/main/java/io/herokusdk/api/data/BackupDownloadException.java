package io.herokusdk.api.data;

import org.jspecify.annotations.Nullable;

/**
 * A backup download failed: the signed URL answered an error, the download could not be resumed,
 * or fewer bytes arrived than announced. The message never has the signed URL.
 */
public final class BackupDownloadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How many bytes reached the destination before it failed. */
  private final long bytesWritten;

  /**
   * After {@code bytesWritten} bytes reached the destination.
   *
   * @param message what failed, without the signed URL
   * @param bytesWritten how many bytes reached the destination, 0 or more
   * @param cause the I/O failure of the last attempt, or null when the server answered an error
   */
  public BackupDownloadException(String message, long bytesWritten, @Nullable Throwable cause) {
    super(message, cause);
    this.bytesWritten = bytesWritten;
  }

  /**
   * How many bytes reached the destination before it failed.
   *
   * @return the bytes written, 0 when none arrived
   */
  public long bytesWritten() {
    return bytesWritten;
  }
}
