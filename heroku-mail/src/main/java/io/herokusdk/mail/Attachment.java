package io.herokusdk.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file attached to an {@link Email}: either a regular attachment, or an inline part that the
 * HTML body shows with {@code <img src="cid:CONTENT_ID">}. Immutable; the bytes are copied in.
 */
public final class Attachment {
  /** How the mail client should present the attachment. */
  public enum Disposition {
    /** Offered as a download. */
    ATTACHMENT,
    /** Shown inside the HTML body, referenced by its content id. */
    INLINE
  }

  private final String filename;
  private final String contentType;
  private final byte[] content;
  private final Disposition disposition;
  private final @Nullable String contentId;

  private Attachment(
      String filename, String contentType, byte[] content, Disposition disposition,
      @Nullable String contentId) {
    this.filename = Objects.requireNonNull(filename, "filename == null");
    this.contentType = Objects.requireNonNull(contentType, "contentType == null");
    this.content = Objects.requireNonNull(content, "content == null").clone();
    this.disposition = disposition;
    this.contentId = contentId;
  }

  /**
   * Returns a regular attachment with these bytes, e.g. {@code of("invoice.pdf", "application/pdf", pdf)}.
   *
   * @param filename the file name shown to the recipient; not blank, no line breaks
   * @param contentType the MIME type, like {@code application/pdf}
   * @param content the bytes, copied; not empty
   * @return the attachment
   */
  public static Attachment of(String filename, String contentType, byte[] content) {
    return new Attachment(filename, contentType, content, Disposition.ATTACHMENT, null);
  }

  /**
   * Returns a regular attachment holding the file's bytes, read now, named after the file, with
   * a content type guessed from its name ({@code application/octet-stream} if unknown).
   *
   * @param file the file to read; its name becomes the attachment's
   * @return the attachment
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Attachment fromFile(Path file) {
    Objects.requireNonNull(file, "file == null");
    String filename = String.valueOf(file.getFileName());
    try {
      return of(filename, guessContentType(filename), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read attachment " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns an inline attachment that the HTML body references as {@code cid:contentId}, e.g.
   * {@code inline("logo", "logo.png", "image/png", png)}.
   *
   * @param contentId the id the HTML body uses after {@code cid:}, like {@code logo}; not blank
   * @param filename the file name, like {@code logo.png}; not blank, no line breaks
   * @param contentType the MIME type, like {@code image/png}
   * @param content the bytes, copied; not empty
   * @return the attachment
   */
  public static Attachment inline(
      String contentId, String filename, String contentType, byte[] content) {
    Objects.requireNonNull(contentId, "contentId == null");
    return new Attachment(filename, contentType, content, Disposition.INLINE, contentId);
  }

  /**
   * The file name shown to the recipient.
   *
   * @return the name, like {@code invoice.pdf}
   */
  public String filename() {
    return filename;
  }

  /**
   * The MIME type, like {@code application/pdf}.
   *
   * @return the type, as given or guessed from the file name
   */
  public String contentType() {
    return contentType;
  }

  /**
   * A copy of the bytes.
   *
   * @return a new array each call; changing it does not change the attachment
   */
  public byte[] content() {
    return content.clone();
  }

  /**
   * The number of bytes, before any encoding.
   *
   * @return the length of {@link #content()}; above 0 in a built {@link Email}
   */
  public int size() {
    return content.length;
  }

  /**
   * Whether the attachment is a download or shown inline.
   *
   * @return {@link Disposition#INLINE} if made by {@link #inline}, else
   *     {@link Disposition#ATTACHMENT}
   */
  public Disposition disposition() {
    return disposition;
  }

  /**
   * The content id of an inline attachment.
   *
   * @return the content id, or empty for a regular attachment
   */
  public Optional<String> contentId() {
    return Optional.ofNullable(contentId);
  }

  private static String guessContentType(String filename) {
    String guess = URLConnection.guessContentTypeFromName(filename);
    return guess == null ? "application/octet-stream" : guess;
  }

  /** Returns the file name, type, size and disposition, never the bytes. */
  @Override
  public String toString() {
    return "Attachment{" + filename + ", " + contentType + ", " + content.length + " bytes"
        + (disposition == Disposition.INLINE ? ", inline cid:" + contentId : "") + "}";
  }
}
