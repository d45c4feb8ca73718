package io.github.togglapi.client;

import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** A throwaway certificate for an HTTPS MockWebServer and an OkHttp client that trusts it. */
final class Tls {
  private static final HeldCertificate LOCALHOST = new HeldCertificate.Builder()
      .addSubjectAlternativeName("localhost")
      .addSubjectAlternativeName("127.0.0.1")
      .build();

  private Tls() {}

  static void serveHttps(MockWebServer server) {
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build().sslSocketFactory(), false);
  }

  static OkHttpClient trustingClient() {
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(LOCALHOST.certificate())
        .build();
    return new OkHttpClient.Builder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
  }
}
