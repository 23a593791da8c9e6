package io.herokusdk.examples.ops;

import io.herokusdk.api.workflow.UploadProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A console progress bar for uploads and downloads. On a terminal it redraws one line
 * ({@code \r}); otherwise (CI logs, Heroku's log) it prints a line at every 10 %, so a log is not
 * flooded with thousands of lines.
 */
final class ProgressBar implements UploadProgress {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private final boolean redraw;
  private int lastShown = -1;
  private boolean ended;

  ProgressBar(PrintStream out, String label, boolean redraw) {
    this.out = out;
    this.label = label;
    this.redraw = redraw;
  }

  /** A bar that redraws when a console is attached, else prints every 10 %. */
  static ProgressBar forConsole(PrintStream out, String label) {
    return new ProgressBar(out, label, System.console() != null);
  }

  @Override
  public synchronized void onProgress(long done, long total) {
    if (total <= 0) {
      int mb = (int) (done >> 20);
      if (mb != lastShown) {
        lastShown = mb;
        print(String.format(Locale.ROOT, "%s %s", label, megabytes(done)));
      }
      return;
    }
    int percent = (int) Math.min(100, done * 100 / total);
    if (done < total && percent == 100) percent = 99;
    int step = redraw ? percent : percent / 10 * 10;
    if (step == lastShown) return;
    if (step < lastShown) ended = false;   // an upload restarted from byte 0 after a failure
    lastShown = step;
    int filled = percent * WIDTH / 100;
    print(String.format(Locale.ROOT, "%s [%s%s] %3d%% %s / %s", label, "#".repeat(filled),
        "-".repeat(WIDTH - filled), percent, megabytes(done), megabytes(total)));
    if (percent == 100 && redraw && !ended) {
      ended = true;
      out.println();
    }
  }

  private void print(String line) {
    if (redraw) {
      out.print("\r" + line);
      out.flush();
    } else {
      out.println(line);
    }
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }
}
