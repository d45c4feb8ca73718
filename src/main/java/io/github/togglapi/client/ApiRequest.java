package io.github.togglapi.client;

import java.io.File;
import java.time.OffsetDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One operation call as the generated API classes describe it to {@link ApiClient}: the operation,
 * its method and path template, and the parameters. The client owns how it becomes an HTTP
 * request (base path, encoding, credentials, cookies). Immutable; made with {@link #builder}.
 */
public final class ApiRequest {
  private final String operationId;
  private final String method;
  private final String pathTemplate;
  private final Map<String, String> pathParams;
  private final List<Map.Entry<String, String>> queryParams;
  private final @Nullable Map<String, String> formParams;
  private final Map<String, File> fileParams;
  private final Map<String, String> headerParams;
  private final boolean hasJsonBody;
  private final @Nullable Object jsonBody;
  private final @Nullable String accept;
  private final boolean authenticated;
  private final boolean multipart;
  private final boolean redirectExpected;
  private final boolean endsSession;
  private final boolean sensitiveResponse;
  private final boolean hostRelative;
  private final boolean nullAnswerAllowed;
  private final Set<String> sensitiveParams;
  private final Set<String> sensitiveResponseHeaders;

  private ApiRequest(Builder b) {
    this.operationId = b.operationId;
    this.method = b.method;
    this.pathTemplate = b.pathTemplate;
    this.pathParams = Collections.unmodifiableMap(new LinkedHashMap<>(b.pathParams));
    this.queryParams = Collections.unmodifiableList(new ArrayList<>(b.queryParams));
    this.formParams = b.formParams == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.formParams));
    this.fileParams = b.fileParams.isEmpty()
        ? Collections.<String, File>emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(b.fileParams));
    this.hostRelative = b.hostRelative;
    this.nullAnswerAllowed = b.nullAnswerAllowed;
    this.headerParams = b.headerParams.isEmpty()
        ? Collections.<String, String>emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(b.headerParams));
    this.hasJsonBody = b.hasJsonBody;
    this.jsonBody = b.jsonBody;
    this.accept = b.accept;
    this.authenticated = b.authenticated;
    this.multipart = b.multipart;
    this.redirectExpected = b.redirectExpected;
    this.endsSession = b.endsSession;
    this.sensitiveResponse = b.sensitiveResponse;
    this.sensitiveParams = b.sensitiveParams.isEmpty()
        ? Collections.<String>emptySet() : Collections.unmodifiableSet(new LinkedHashSet<>(b.sensitiveParams));
    this.sensitiveResponseHeaders = b.sensitiveResponseHeaders.isEmpty()
        ? Collections.<String>emptySet() : Collections.unmodifiableSet(new LinkedHashSet<>(b.sensitiveResponseHeaders));
  }

  /**
   * Starts describing a call.
   *
   * @param operationId the operation's name, used in error messages
   * @param method the HTTP method
   * @param pathTemplate the path below the base path, with {@code {name}} placeholders
   * @return a builder
   */
  public static Builder builder(String operationId, String method, String pathTemplate) {
    return new Builder(operationId, method, pathTemplate);
  }

  /**
   * Returns the operation's name.
   *
   * @return the operation's name
   */
  public String getOperationId() {
    return operationId;
  }

  /**
   * Returns the HTTP method.
   *
   * @return the HTTP method
   */
  public String getMethod() {
    return method;
  }

  /**
   * Returns the path template, placeholders unexpanded.
   *
   * @return the path template, placeholders unexpanded
   */
  public String getPathTemplate() {
    return pathTemplate;
  }

  /**
   * Returns the path parameters by placeholder name, as text.
   *
   * @return the path parameters by placeholder name, as text
   */
  public Map<String, String> getPathParams() {
    return pathParams;
  }

  /**
   * Returns the query parameters in order, as text; null values are left out.
   *
   * @return the query parameters in order, as text; null values are left out
   */
  public List<Map.Entry<String, String>> getQueryParams() {
    return queryParams;
  }

  /**
   * Returns the form fields in order, or null if the body is not a form.
   *
   * @return the form fields in order, or null if the body is not a form
   */
  public @Nullable Map<String, String> getFormParams() {
    return formParams;
  }

  /**
   * Returns the files of a {@code multipart/form-data} body, by part name; empty for other bodies.
   * With files, the form fields go in the same multipart body.
   *
   * @return the files, by part name
   */
  public Map<String, File> getFileParams() {
    return fileParams;
  }

  /**
   * Returns the header parameters the operation sends, by name.
   *
   * @return the header parameters
   */
  public Map<String, String> getHeaderParams() {
    return headerParams;
  }

  /**
   * Returns true if the path is relative to where the base path's {@code /api/v9} sits rather than
   * to the base path (the reports and insights APIs live at {@code /reports/api/v3} and
   * {@code /insights/api/v1} of the API host, beside {@code /api/v9}). A base path that does not
   * end with {@code /api/v9} is taken as the host's root.
   *
   * @return true if the path starts beside {@code /api/v9}
   */
  public boolean isHostRelative() {
    return hostRelative;
  }

  /**
   * Returns true if a success answer may be a literal JSON {@code null} or empty, which the client
   * then returns as null (the current time entry when none runs) instead of failing.
   *
   * @return true if a null answer is a valid answer
   */
  public boolean isNullAnswerAllowed() {
    return nullAnswerAllowed;
  }

  /**
   * Returns true if the form goes as {@code multipart/form-data} (always so when it carries a file).
   *
   * @return true if the body is multipart
   */
  public boolean isMultipart() {
    return multipart || !fileParams.isEmpty();
  }

  /**
   * Returns true if the body is JSON (see {@link #getJsonBody()}).
   *
   * @return true if the body is JSON (see {@link #getJsonBody()})
   */
  public boolean hasJsonBody() {
    return hasJsonBody;
  }

  /**
   * Returns the value to send as JSON, or null for an optional body left out.
   *
   * @return the value to send as JSON, or null for an optional body left out
   */
  public @Nullable Object getJsonBody() {
    return jsonBody;
  }

  /**
   * Returns the {@code Accept} media type, or null for none.
   *
   * @return the {@code Accept} media type, or null for none
   */
  public @Nullable String getAccept() {
    return accept;
  }

  /**
   * Returns true if the operation needs credentials or the session cookie.
   *
   * @return true if the operation needs credentials or the session cookie
   */
  public boolean isAuthenticated() {
    return authenticated;
  }

  /**
   * Returns true if a 3xx answer is this operation's success (the SAML2 callback).
   *
   * @return true if a 3xx answer is this operation's success (the SAML2 callback)
   */
  public boolean isRedirectExpected() {
    return redirectExpected;
  }

  /**
   * Returns true if success ends the session, so the client forgets its cookies.
   *
   * @return true if success ends the session, so the client forgets its cookies
   */
  public boolean endsSession() {
    return endsSession;
  }

  /**
   * Returns true if the answer's body is a secret (a new API token), never to be logged.
   *
   * @return true if the answer's body is a secret (a new API token), never to be logged
   */
  public boolean isSensitiveResponse() {
    return sensitiveResponse;
  }

  /**
   * Returns the names of the path, query and form parameters the spec marks {@code x-sensitive}
   * (personal data, one-time values, assertions): their values are masked in logs and messages.
   *
   * @return the names of the sensitive parameters
   */
  public Set<String> getSensitiveParams() {
    return sensitiveParams;
  }

  /**
   * Returns the names of the response headers the spec marks {@code x-sensitive} (a redirect that
   * carries a one-time token): their values are masked in logs.
   *
   * @return the names of the sensitive response headers, in the spec's case
   */
  public Set<String> getSensitiveResponseHeaders() {
    return sensitiveResponseHeaders;
  }

  /**
   * Returns the method and path template, with no parameter values.
   *
   * @return the method and path template, with no parameter values
   */
  @Override
  public String toString() {
    return method + " " + pathTemplate + " (" + operationId + ")";
  }

  /** Collects one call's parameters. Not thread-safe; use once. */
  public static final class Builder {
    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> queryParams = new ArrayList<>();
    private @Nullable Map<String, String> formParams;
    private final Map<String, File> fileParams = new LinkedHashMap<>();
    private final Map<String, String> headerParams = new LinkedHashMap<>();
    private boolean hostRelative;
    private boolean nullAnswerAllowed;
    private boolean hasJsonBody;
    private @Nullable Object jsonBody;
    private @Nullable String accept;
    private boolean authenticated;
    private boolean multipart;
    private boolean redirectExpected;
    private boolean endsSession;
    private boolean sensitiveResponse;
    private final Set<String> sensitiveParams = new LinkedHashSet<>();
    private final Set<String> sensitiveResponseHeaders = new LinkedHashSet<>();

    private Builder(String operationId, String method, String pathTemplate) {
      this.operationId = operationId;
      this.method = method;
      this.pathTemplate = pathTemplate;
    }

    /**
     * Fills a path placeholder; the client encodes the value as (part of) one path segment. A
     * list becomes its items joined by commas, as in Toggl's {@code /time_entries/1,2,3}.
     *
     * @param name the placeholder's name
     * @param value the value, not null
     * @return this builder
     */
    public Builder pathParam(String name, Object value) {
      pathParams.put(name, text(value));
      return this;
    }

    /**
     * Adds a query parameter; a null value is left out.
     *
     * @param name the parameter's name
     * @param value the value, or null
     * @return this builder
     */
    public Builder queryParam(String name, @Nullable Object value) {
      if (value != null) {
        queryParams.add(new AbstractMap.SimpleImmutableEntry<>(name, text(value)));
      }
      return this;
    }

    /**
     * Adds a query parameter once per value ({@code ?id=1&id=2}, the spec's {@code explode});
     * a null collection or value is left out.
     *
     * @param name the parameter's name
     * @param values the values, or null
     * @return this builder
     */
    public Builder queryParams(String name, @Nullable Collection<?> values) {
      if (values != null) {
        for (Object value : values) {
          queryParam(name, value);
        }
      }
      return this;
    }

    /**
     * Adds a query parameter the spec marks {@code x-sensitive}: sent as any other, masked in logs
     * and messages.
     *
     * @param name the parameter's name
     * @param value the value, or null
     * @return this builder
     */
    public Builder sensitiveQueryParam(String name, @Nullable Object value) {
      sensitiveParams.add(name);
      return queryParam(name, value);
    }

    /**
     * Adds a path parameter the spec marks {@code x-sensitive} (a shared report's token, a calendar
     * feed's token, a code from an email): the value is part of the URL as any other, and masked
     * wherever the URL is logged or quoted in a message.
     *
     * @param name the parameter's name, as it appears in braces in the path
     * @param value the value
     * @return this builder
     */
    public Builder sensitivePathParam(String name, Object value) {
      sensitiveParams.add(name);
      return pathParam(name, value);
    }

    /**
     * Adds a form field the spec marks {@code x-sensitive}: sent as any other, masked in logs and
     * messages.
     *
     * @param name the field's name
     * @param value the value, or null
     * @return this builder
     */
    public Builder sensitiveFormParam(String name, @Nullable Object value) {
      sensitiveParams.add(name);
      return formParam(name, value);
    }

    /**
     * Marks a response header as sensitive (the spec's {@code x-sensitive}): debug logs mask its
     * value.
     *
     * @param name the header's name
     * @return this builder
     */
    public Builder sensitiveResponseHeader(String name) {
      sensitiveResponseHeaders.add(name);
      return this;
    }

    /**
     * Adds a field of an {@code application/x-www-form-urlencoded} body, or, for a {@link File}, a
     * file part of a {@code multipart/form-data} one; a null value is left out.
     *
     * @param name the field's name
     * @param value the value, or null
     * @return this builder
     */
    public Builder formParam(String name, @Nullable Object value) {
      if (formParams == null) {
        formParams = new LinkedHashMap<>();
      }
      if (value instanceof File) {
        fileParams.put(name, (File) value);
      } else if (value != null) {
        formParams.put(name, text(value));
      }
      return this;
    }

    /**
     * Adds a header parameter; a null value is left out. OkHttp refuses a value with a line break.
     *
     * @param name the header's name
     * @param value the value, or null
     * @return this builder
     */
    public Builder header(String name, @Nullable Object value) {
      if (value != null) {
        headerParams.put(name, text(value));
      }
      return this;
    }

    /**
     * Marks the path as relative to where the base path's {@code /api/v9} sits, not to the base
     * path (see {@link ApiRequest#isHostRelative()}).
     *
     * @return this builder
     */
    public Builder hostRelative() {
      this.hostRelative = true;
      return this;
    }

    /**
     * Accepts a literal JSON {@code null} (or no body) as a success answer, returned as null (see
     * {@link ApiRequest#isNullAnswerAllowed()}).
     *
     * @return this builder
     */
    public Builder nullAnswerAllowed() {
      this.nullAnswerAllowed = true;
      return this;
    }

    /**
     * Sends the form fields as {@code multipart/form-data} even when no file is given (the spec's
     * content type for operations whose file is optional).
     *
     * @return this builder
     */
    public Builder multipart() {
      this.multipart = true;
      return this;
    }

    /**
     * Sets the JSON body.
     *
     * @param value the value to serialise, or null to send no body
     * @return this builder
     */
    public Builder jsonBody(@Nullable Object value) {
      this.hasJsonBody = true;
      this.jsonBody = value;
      return this;
    }

    /**
     * Sets the {@code Accept} header.
     *
     * @param mediaType the media type
     * @return this builder
     */
    public Builder accept(String mediaType) {
      this.accept = mediaType;
      return this;
    }

    /**
     * Marks the operation as needing credentials or the session cookie; others send neither.
     *
     * @return this builder
     */
    public Builder authenticated() {
      this.authenticated = true;
      return this;
    }

    /**
     * Marks a 3xx answer as success; the client never follows it.
     *
     * @return this builder
     */
    public Builder redirectExpected() {
      this.redirectExpected = true;
      return this;
    }

    /**
     * Marks the operation as ending the session: on success the client forgets its cookies.
     *
     * @return this builder
     */
    public Builder endsSession() {
      this.endsSession = true;
      return this;
    }

    /**
     * Marks the answer's body as a secret: debug logs show its size only.
     *
     * @return this builder
     */
    public Builder sensitiveResponse() {
      this.sensitiveResponse = true;
      return this;
    }

    /**
     * A parameter as it goes in a path, a query or a form: a list as its items joined by commas
     * (Toggl's {@code 1,2,3}), a timestamp in RFC 3339, anything else as its {@code toString()}.
     */
    private static String text(Object value) {
      if (value instanceof Collection) {
        StringBuilder joined = new StringBuilder();
        for (Object item : (Collection<?>) value) {
          joined.append(joined.length() == 0 ? "" : ",").append(text(item));
        }
        return joined.toString();
      }
      if (value instanceof OffsetDateTime) {
        return Rfc3339.format((OffsetDateTime) value);
      }
      return String.valueOf(value);
    }

    /**
     * Returns the request.
     *
     * @return the request
     */
    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
