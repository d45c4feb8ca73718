package io.github.togglapi.example;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.ApiResponse;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.api.ClientsApi;
import io.github.togglapi.client.api.ProjectsApi;
import io.github.togglapi.client.api.ReportsApi;
import io.github.togglapi.client.api.TimeEntriesApi;
import io.github.togglapi.client.model.ClientPayload;
import io.github.togglapi.client.model.DetailedGroupedTimeEntry;
import io.github.togglapi.client.model.DetailedPost;
import io.github.togglapi.client.model.MePostSessionHandlerRequestBody;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsClient;
import io.github.togglapi.client.model.ModelsProject;
import io.github.togglapi.client.model.ModelsSSOConfig;
import io.github.togglapi.client.model.ModelsTimeEntry;
import io.github.togglapi.client.model.ModelsTogglUser;
import io.github.togglapi.client.model.ModelsUser;
import io.github.togglapi.client.model.ProjectPayload;
import io.github.togglapi.client.model.SsoConfigResult;
import io.github.togglapi.client.model.SsoConfirmation;
import io.github.togglapi.client.model.SsoState;
import io.github.togglapi.client.model.TimeentryPayload;
import io.github.togglapi.client.testing.EmbeddedTogglServer;
import okhttp3.HttpUrl;

/**
 * The SDK's whole job, end to end, through its public API only. By default it starts the embedded
 * Toggl server and runs: sign up, log in with a session, track time (create a client and a project,
 * start a time entry, see it as the current one, stop it, list today's entries, read one
 * detailed-report page, clean up), read, save, disable and re-enable the workspace SSO
 * configuration, look up the SAML2 login URL, sign in through the SAML2 callback and confirm SSO,
 * reset the API token (and see the old one refused), erase the SSO configuration, log out (and
 * see the session refused).
 * Given {@code --base-url} it runs against that service instead, read-only unless asked for more
 * ({@code --write}: track time in the workspace and clean up, and try SSO if it has none).
 * One line per step; exit status 0, 1 for a failed step, 2 for bad arguments.
 *
 * <pre>
 * mvn -q test-compile exec:java                                   # embedded server, HTTPS
 * mvn -q test-compile exec:java -Dexec.args="--http"              # embedded server, plain HTTP
 * TOGGL_API_TOKEN=... mvn -q test-compile exec:java \
 *     -Dexec.args="--base-url https://api.track.toggl.com/api/v9 --workspace 1234567"
 * </pre>
 */
public final class QuickStart {
  private static final String USAGE = String.join("\n",
      "Usage: QuickStart [--http] | --base-url URL [--token T | --email E --password P] [--workspace ID]"
          + " [--write] [--reset-token]",
      "  (no --base-url)  run the full flow against the embedded Toggl server (HTTPS; --http for plain HTTP)",
      "  --base-url URL   run against a real service, e.g. https://api.track.toggl.com/api/v9",
      "  --token T        API token (default: $TOGGL_API_TOKEN)",
      "  --email E        email, with --password P (default: $TOGGL_PASSWORD)",
      "  --workspace ID   a workspace you administer: read its SSO configuration and a detailed-report page",
      "  --write          with --workspace: also track time (create a client, a project and a time entry,",
      "                   start, stop, list, report, then delete all three), and save (disabled), toggle",
      "                   and erase an SSO configuration, only if the workspace has none",
      "  --reset-token    also reset your API token (the old one stops working)");

  private final PrintStream out;
  private final Map<String, String> env;
  private int step;
  private int steps;

  QuickStart(PrintStream out, Map<String, String> env) {
    this.out = out;
    this.env = env;
  }

  /**
   * Runs the quick start and exits with its status.
   *
   * @param args see the usage text ({@code --help})
   */
  public static void main(String[] args) {
    System.exit(new QuickStart(System.out, System.getenv()).run(args));
  }

  /**
   * Runs the quick start.
   *
   * @return the exit status: 0 when every step passed, 1 when one failed, 2 for bad arguments
   */
  int run(String[] args) {
    Options options;
    try {
      options = Options.parse(args, env);
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      out.println(USAGE);
      return 2;
    }
    if (options.help) {
      out.println(USAGE);
      return 0;
    }
    try {
      if (options.baseUrl == null) {
        runEmbedded(options.http);
      } else {
        runAgainst(options);
      }
      out.println("All " + steps + " steps passed.");
      return 0;
    } catch (StepFailed e) {
      out.println("FAILED at step " + step + ": " + e.getMessage());
      return 1;
    } catch (AssertionError e) {
      out.println("FAILED: " + e.getMessage());
      return 1;
    }
  }

  private void runEmbedded(boolean http) {
    try (EmbeddedTogglServer toggl = http ? EmbeddedTogglServer.startHttp() : EmbeddedTogglServer.startHttps()) {
      out.println("toggl-api-java quick start against the embedded Toggl server at " + toggl.baseUrl());
      steps = 10 + TRACKING_STEPS;
      ApiClient client = toggl.newApiClient();
      AuthenticationApi api = new AuthenticationApi(client);
      String email = "ada@example.com";
      String password = "correct-horse-battery";

      ModelsTogglUser user = step("Sign up", () -> api.postSignup(new MePostUser()
          .email(email).password(password).tosAccepted(true).fullName("Ada Lovelace").createdWith("quick-start")),
          u -> u.getEmail() + ", user " + u.getId() + ", workspace " + u.getDefaultWorkspaceId());
      long workspace = user.getDefaultWorkspaceId();
      String oldToken = user.getApiToken();

      step("Log in with a session", () -> {
        client.setUsername(email).setPassword(password);
        ModelsUser me = api.meSessionsPost(new MePostSessionHandlerRequestBody().rememberMe(true));
        client.setUsername(null).setPassword(null); // from here on the session cookie alone
        return me;
      }, me -> "signed in as " + me.getEmail() + "; credentials dropped, " + cookieName(client) + " kept");

      trackTime(client, workspace);

      step("Read the SSO configuration", () -> api.getWorkspaceSso(workspace),
          r -> (r.getConfig() == null ? "none yet" : "domain " + r.getConfig().getDomain())
              + "; ACS URL " + r.getSpSettings().getAcsUrl());

      step("Save an SSO configuration", () -> api.postWorkspaceSso(workspace, sampleConfig()),
          c -> "saved for " + c.getDomain() + ", enabled=" + c.getEnabled() + ", profile " + c.getSharedSsoProfileId());

      step("Disable and re-enable SSO", () -> {
        SsoState off = api.patchWorkspaceSso(workspace, new SsoState().enabled(false));
        SsoState on = api.patchWorkspaceSso(workspace, new SsoState().enabled(true));
        return "enabled=" + off.getEnabled() + ", then enabled=" + on.getEnabled();
      }, s -> s);

      step("Look up the SAML2 login URL", () -> api.getSaml2LoginUrl("grace@example.com", "webapp", "quick-start"),
          r -> "grace@example.com signs in at " + HttpUrl.get(r.getSsoUrl()).host());

      step("Sign in through SAML2 and confirm SSO", () -> {
        // What a browser does after the identity provider vouches for Ada: post its assertion, get
        // a session and a redirect (not followed), then confirm SSO for the account.
        ApiClient browser = toggl.newApiClient();
        AuthenticationApi viaSso = new AuthenticationApi(browser);
        ApiResponse<Void> redirect = viaSso.postSaml2CallbackWithHttpInfo(workspace,
            EmbeddedTogglServer.samlResponseFor(email), "quick-start");
        String confirmed = viaSso.postEnableSso(new SsoConfirmation().confirmationCode(toggl.newSsoConfirmationCode(email)));
        return "HTTP " + redirect.getStatusCode() + " to the web app with " + cookieName(browser) + "; server says \""
            + confirmed + "\"";
      }, s -> s);

      step("Reset the API token", () -> {
        ApiClient withToken = toggl.newApiClient().setApiToken(oldToken);
        String newToken = new AuthenticationApi(withToken).postResetToken();
        ApiException refused = expectStatus(401, () -> new AuthenticationApi(withToken).getWorkspaceSso(workspace));
        if (newToken.equals(oldToken)) {
          throw new StepFailed("the token did not change");
        }
        return "new token issued; the old one is refused with HTTP " + refused.getCode();
      }, s -> s);

      step("Erase the SSO configuration", () -> api.deleteWorkspaceSso(workspace),
          message -> "server says \"" + message + "\"");

      step("Log out", () -> {
        api.meSessionsDelete();
        ApiException refused = expectStatus(401, () -> api.getWorkspaceSso(workspace));
        return "session ended; the next call is refused with HTTP " + refused.getCode();
      }, s -> s);
    }
  }

  private void runAgainst(Options options) {
    out.println("toggl-api-java quick start against " + options.baseUrl
        + (options.write || options.resetToken ? "" : " (read-only)"));
    // Log in, the SAML2 URL and log out; with a workspace its SSO configuration and either the
    // read-only look at its time entries or, with --write, the tracking flow and the SSO round trip.
    steps = 3 + (options.workspace == null ? 0 : 1 + (options.write ? 1 + TRACKING_STEPS : 3))
        + (options.resetToken ? 1 : 0);
    ApiClient client = new ApiClient().setBasePath(options.baseUrl).setUserAgent(ApiClient.DEFAULT_USER_AGENT + " quick-start");
    if (options.token != null) {
      client.setApiToken(options.token);
    } else {
      client.setUsername(options.email).setPassword(options.password);
    }
    AuthenticationApi api = new AuthenticationApi(client);

    ModelsUser me = step("Log in with a session", () -> {
      ModelsUser user = api.meSessionsPost(new MePostSessionHandlerRequestBody().rememberMe(false));
      client.setUsername(null).setPassword(null);
      return user;
    }, u -> "signed in as " + u.getEmail() + "; credentials dropped, " + cookieName(client) + " kept");

    if (options.workspace != null) {
      if (options.write) {
        trackTime(client, options.workspace);
      } else {
        readTracking(client, options.workspace);
      }
      SsoConfigResult current = step("Read the SSO configuration", () -> api.getWorkspaceSso(options.workspace),
          r -> r.getConfig() == null ? "none" : "domain " + r.getConfig().getDomain() + ", enabled=" + r.getConfig().getEnabled());
      if (options.write) {
        step("Save, toggle and erase SSO", () -> {
          if (current.getConfig() != null) {
            return "skipped: the workspace has a configuration, which this program will not touch";
          }
          // Saved disabled and erased whatever happens, so a real workspace is never left with SSO
          // pointing at a made-up identity provider.
          api.postWorkspaceSso(options.workspace, sampleConfig().enabled(false));
          try {
            api.patchWorkspaceSso(options.workspace, new SsoState().enabled(false));
          } finally {
            api.deleteWorkspaceSso(options.workspace);
          }
          return "saved (disabled), toggled, then erased";
        }, s -> s);
      }
    }

    step("Look up the SAML2 login URL", () -> {
      try {
        return "SSO at " + HttpUrl.get(api.getSaml2LoginUrl(me.getEmail(), null, null).getSsoUrl()).host();
      } catch (ApiException e) {
        if (e.getCode() == 404) {
          return "no SSO for " + me.getEmail().substring(me.getEmail().indexOf('@') + 1) + " (HTTP 404)";
        }
        throw e;
      }
    }, s -> s);

    if (options.resetToken) {
      step("Reset the API token", () -> {
        api.postResetToken();
        return "new token issued (not shown); update your configuration";
      }, s -> s);
    }

    step("Log out", () -> {
      api.meSessionsDelete();
      if (!client.getSession().isEmpty()) {
        throw new StepFailed("the client still holds the session");
      }
      return "session ended and forgotten";
    }, s -> s);
  }

  /** The steps of {@link #trackTime}. */
  private static final int TRACKING_STEPS = 7;

  /**
   * What integrations do with Toggl: a client and a project, a running time entry that becomes
   * the current one and is stopped, today's entries, a detailed-report page; then it deletes what
   * it made, even when a step fails, and says what it could not delete. It refuses to start when a
   * timer already runs in the account, since starting another would stop it.
   */
  private void trackTime(ApiClient client, long workspace) {
    ClientsApi clients = new ClientsApi(client);
    ProjectsApi projects = new ProjectsApi(client);
    TimeEntriesApi timeEntries = new TimeEntriesApi(client);
    String suffix = " (quick start " + Long.toString(System.currentTimeMillis() % 100_000, 36) + ")";
    Long[] made = new Long[3]; // client, project, time entry: what clean-up deletes
    try {
      ModelsProject project = step("Create a client and a project", () -> {
        ModelsTimeEntry yours = timeEntries.getCurrentTimeEntry();
        if (yours != null) {
          // Starting a timer would stop the one running in the account: leave the user's own alone.
          throw new StepFailed("a timer is running in this account (entry " + yours.getId()
              + "); stop it first, this program will not touch it");
        }
        ModelsClient acme = clients.postWorkspaceClients(workspace, new ClientPayload().name("Acme" + suffix));
        made[0] = acme.getId();
        ModelsProject website = projects.postWorkspaceProjectCreate(workspace,
            new ProjectPayload().name("Website" + suffix).clientId(acme.getId()).isPrivate(true));
        made[1] = website.getId();
        return website;
      }, p -> "client " + made[0] + ", project \"" + p.getName() + "\" " + p.getId());

      // Started 25 minutes ago, as if the timer had been running since, so that it stops with a
      // duration worth reading.
      OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(25).withNano(0);
      ModelsTimeEntry running = step("Start a time entry", () -> {
        ModelsTimeEntry entry = timeEntries.createTimeEntry(workspace, new TimeentryPayload()
            .workspaceId(workspace).projectId(project.getId()).description("Design review")
            .start(start).duration(-1L).createdWith("toggl-api-java quick start"), null);
        made[2] = entry.getId();
        return entry;
      }, e -> "entry " + e.getId() + " running since " + e.getStart() + " (stop " + e.getStop()
          + ", duration " + e.getDuration() + ")");

      step("See it as the current entry", () -> {
        ModelsTimeEntry current = timeEntries.getCurrentTimeEntry();
        if (current == null || !current.getId().equals(running.getId())) {
          throw new StepFailed("the current entry is " + (current == null ? "none" : current.getId()));
        }
        return current;
      }, e -> "entry " + e.getId() + ", \"" + e.getDescription() + "\"");

      step("Stop it", () -> timeEntries.stopTimeEntry(workspace, running.getId()),
          e -> "stopped at " + e.getStop() + " after " + Duration.ofSeconds(e.getDuration()).toMinutes() + " min");

      LocalDate today = start.toLocalDate();
      step("List today's time entries", () -> timeEntries.getTimeEntries(null, null,
              today.toString(), today.plusDays(1).toString(), null, null),
          list -> list.size() + " entr" + (list.size() == 1 ? "y" : "ies") + ", "
              + Duration.ofSeconds(stoppedSeconds(list)).toMinutes() + " min tracked");

      step("Read a detailed-report page", () -> new ReportsApi(client).searchDetailedReportTimeEntries(workspace,
              new DetailedPost().startDate(today).endDate(today).projectIds(java.util.Collections.singletonList(project.getId()))
                  .pageSize(50L)),
          rows -> rows.size() + " row" + (rows.size() == 1 ? "" : "s") + describeFirst(rows));
      step("Clean up", () -> {
        deleteMade(timeEntries, projects, clients, workspace, made);
        return "deleted the time entry, the project and the client";
      }, s -> s);
    } finally {
      if (made[0] != null || made[1] != null || made[2] != null) {
        // A step failed: delete what was made, best effort, and let the step's failure be the news.
        try {
          deleteMade(timeEntries, projects, clients, workspace, made);
        } catch (ApiException | RuntimeException e) {
          out.println("Clean-up after the failure failed too: " + e.getMessage());
          out.println("Left behind in workspace " + workspace + ": " + leftBehind(made) + "; delete them by hand.");
        }
      }
    }
  }

  private static String leftBehind(Long[] made) {
    List<String> left = new java.util.ArrayList<>();
    if (made[2] != null) {
      left.add("time entry " + made[2]);
    }
    if (made[1] != null) {
      left.add("project " + made[1]);
    }
    if (made[0] != null) {
      left.add("client " + made[0]);
    }
    return String.join(", ", left);
  }

  /** Deletes the time entry, project and client that were made, forgetting each once it is gone. */
  private static void deleteMade(TimeEntriesApi timeEntries, ProjectsApi projects, ClientsApi clients, long workspace,
      Long[] made) throws ApiException {
    if (made[2] != null) {
      timeEntries.deleteTimeEntry(workspace, made[2]);
      made[2] = null;
    }
    if (made[1] != null) {
      projects.deleteWorkspaceProject(workspace, made[1], null);
      made[1] = null;
    }
    if (made[0] != null) {
      clients.deleteWorkspaceClients(workspace, made[0]);
      made[0] = null;
    }
  }

  /** Read-only: what a real workspace already holds. */
  private void readTracking(ApiClient client, long workspace) {
    TimeEntriesApi timeEntries = new TimeEntriesApi(client);
    step("See the current entry", timeEntries::getCurrentTimeEntry,
        e -> e == null ? "no timer running" : "entry " + e.getId() + " running since " + e.getStart());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    step("List today's time entries", () -> timeEntries.getTimeEntries(null, null,
            today.toString(), today.plusDays(1).toString(), null, null),
        list -> list.size() + " entr" + (list.size() == 1 ? "y" : "ies") + " (UTC day)");
    step("Read a detailed-report page", () -> new ReportsApi(client).searchDetailedReportTimeEntries(workspace,
            new DetailedPost().startDate(today.minusDays(6)).endDate(today).pageSize(10L)),
        rows -> rows.size() + " row" + (rows.size() == 1 ? "" : "s") + " in the last 7 days");
  }

  private static long stoppedSeconds(List<ModelsTimeEntry> entries) {
    long total = 0;
    for (ModelsTimeEntry entry : entries) {
      if (entry.getDuration() != null && entry.getDuration() > 0) {
        total += entry.getDuration();
      }
    }
    return total;
  }

  private static String describeFirst(List<DetailedGroupedTimeEntry> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    DetailedGroupedTimeEntry row = rows.get(0);
    long seconds = row.getTimeEntries() == null || row.getTimeEntries().isEmpty() || row.getTimeEntries().get(0).getSeconds() == null
        ? 0 : row.getTimeEntries().get(0).getSeconds();
    return ": \"" + row.getDescription() + "\" on " + row.getProjectName() + ", " + Duration.ofSeconds(seconds).toMinutes() + " min";
  }

  private static ModelsSSOConfig sampleConfig() {
    return new ModelsSSOConfig()
        .domain("example.com")
        .name("Example IdP")
        .entityId("https://idp.example.com/metadata")
        .ssoUrl("https://idp.example.com/sso/saml")
        .metadataUrl("https://idp.example.com/metadata")
        .certificate("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----")
        .enabled(true);
  }

  private static String cookieName(ApiClient client) {
    return client.getSession().isEmpty() ? "no cookie" : "cookie " + client.getSession().getCookies().get(0).name();
  }

  /** Runs a call that must fail with the given status. */
  private static ApiException expectStatus(int status, Call<?> call) throws ApiException {
    try {
      call.run();
    } catch (ApiException e) {
      if (e.getCode() == status) {
        return e;
      }
      throw e;
    }
    throw new StepFailed("expected HTTP " + status + " but the call succeeded");
  }

  private <T> T step(String name, Call<T> action, Describe<T> describe) {
    step++;
    String label = String.format("[%2d/%d] %-37s", step, steps, name);
    T result;
    String description;
    try {
      result = action.run();
      description = describe.apply(result); // an answer without a field it reads fails the step too
    } catch (ApiException e) {
      out.println(label + " FAILED");
      throw new StepFailed(name + ": " + e.getMessage());
    } catch (RuntimeException e) {
      out.println(label + " FAILED");
      throw new StepFailed(name + ": " + (e instanceof StepFailed ? e.getMessage() : e.toString()));
    }
    out.println(label + " ok   " + description);
    return result;
  }

  private interface Call<T> {
    T run() throws ApiException;
  }

  private interface Describe<T> {
    String apply(T result);
  }

  private static final class StepFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailed(String message) {
      super(message);
    }
  }

  /** The command line. */
  static final class Options {
    boolean help;
    boolean http;
    String baseUrl;
    String token;
    String email;
    String password;
    Long workspace;
    boolean write;
    boolean resetToken;

    static Options parse(String[] args, Map<String, String> env) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help":
          case "-h":
            o.help = true;
            break;
          case "--http":
            o.http = true;
            break;
          case "--base-url":
            o.baseUrl = value(args, ++i);
            if (HttpUrl.parse(o.baseUrl) == null) {
              throw new IllegalArgumentException("Not an http or https URL: " + o.baseUrl);
            }
            break;
          case "--token":
            o.token = value(args, ++i);
            break;
          case "--email":
            o.email = value(args, ++i);
            break;
          case "--password":
            o.password = value(args, ++i);
            break;
          case "--workspace":
            try {
              o.workspace = Long.valueOf(value(args, ++i));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("--workspace needs a numeric ID");
            }
            break;
          case "--write":
            o.write = true;
            break;
          case "--reset-token":
            o.resetToken = true;
            break;
          default:
            throw new IllegalArgumentException("Unknown argument: " + args[i]);
        }
      }
      if (o.baseUrl != null) {
        if (o.token == null && o.email == null) {
          o.token = env.get("TOGGL_API_TOKEN");
        }
        if (o.email != null && o.password == null) {
          o.password = env.get("TOGGL_PASSWORD");
        }
        if (o.write && o.workspace == null) {
          throw new IllegalArgumentException("--write needs --workspace");
        }
        if (o.token == null && (o.email == null || o.password == null)) {
          throw new IllegalArgumentException(
              "--base-url needs credentials: --token or $TOGGL_API_TOKEN, or --email with --password or $TOGGL_PASSWORD");
        }
      }
      return o;
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }
  }
}
