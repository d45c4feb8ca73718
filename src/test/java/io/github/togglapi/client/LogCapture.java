package io.github.togglapi.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what a java.util.logging logger publishes while open. */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<String> messages = Collections.synchronizedList(new ArrayList<String>());

  private LogCapture(Logger logger) {
    this.logger = logger;
    logger.addHandler(this);
  }

  /** Captures the SDK's debug log. */
  static LogCapture debugLog() {
    return new LogCapture(DebugLogger.LOG);
  }

  @Override
  public void publish(LogRecord record) {
    messages.add(record.getMessage());
  }

  List<String> messages() {
    synchronized (messages) {
      return new ArrayList<>(messages);
    }
  }

  String all() {
    return String.join("\n", messages());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
