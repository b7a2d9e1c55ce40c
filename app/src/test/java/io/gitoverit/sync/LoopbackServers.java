package io.gitoverit.sync;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Servers on 127.0.0.1 only, for remotes that misbehave; each stops when closed. */
final class LoopbackServers {
  private LoopbackServers() {}

  /**
   * Accepts connections and never answers; notes when the first client goes away (its socket
   * reaches end of stream), which shows that the process holding it is gone.
   */
  static final class Silent implements AutoCloseable {
    private final ServerSocket server;
    private final CountDownLatch accepted = new CountDownLatch(1);
    private final CountDownLatch clientGone = new CountDownLatch(1);

    Silent() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(this::serve, "silent-remote");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private void serve() {
      try (Socket s = server.accept();
          InputStream in = s.getInputStream()) {
        accepted.countDown();
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
          // read the request and say nothing
        }
        clientGone.countDown();
      } catch (IOException e) {
        clientGone.countDown(); // a reset also means the client is gone
      }
    }

    boolean wasContacted() {
      return accepted.getCount() == 0;
    }

    boolean clientGoneWithin(long seconds) throws InterruptedException {
      return clientGone.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  /** An HTTP server that answers every request with 401 and a Basic challenge. */
  static HttpServer unauthorized() throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"gitoverit test\"");
          exchange.sendResponseHeaders(401, -1);
          exchange.close();
        });
    http.start();
    return http;
  }
}
