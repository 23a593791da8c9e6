package io.herokusdk.api.data;

import org.jspecify.annotations.Nullable;

/**
 * A backup download failed: the signed URL answered an error, the download could not be resumed,
 * or fewer bytes arrived than announced. The message never has the signed URL.
 */
public final class BackupDownloadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long bytesWritten;

  /** After {@code bytesWritten} bytes reached the destination. */
  public BackupDownloadException(String message, long bytesWritten, @Nullable Throwable cause) {
    super(message, cause);
    this.bytesWritten = bytesWritten;
  }

  /** How many bytes reached the destination before it failed. */
  public long bytesWritten() {
    return bytesWritten;
  }
}
