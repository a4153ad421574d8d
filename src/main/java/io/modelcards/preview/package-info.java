/**
 * Preview: the local HTTP server of {@code serve} (the last good site from memory, live reload over Server-Sent
 * Events, an error overlay) and the folder watcher that triggers rebuilds. May use {@code diag}; JDK only
 * (com.sun.net.httpserver, java.nio WatchService).
 */
package io.modelcards.preview;
