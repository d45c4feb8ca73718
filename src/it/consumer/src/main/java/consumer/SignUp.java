package consumer;

import io.github.togglapi.client.ApiClient;
import io.github.togglapi.client.ApiException;
import io.github.togglapi.client.ApiResponse;
import io.github.togglapi.client.AuthenticationException;
import io.github.togglapi.client.QuotaExceededException;
import io.github.togglapi.client.api.AuthenticationApi;
import io.github.togglapi.client.auth.Session;
import io.github.togglapi.client.model.MePostInitialWorkspace;
import io.github.togglapi.client.model.MePostSessionHandlerRequestBody;
import io.github.togglapi.client.model.MePostUser;
import io.github.togglapi.client.model.ModelsSSOConfig;
import io.github.togglapi.client.model.ModelsTogglUser;
import io.github.togglapi.client.model.ModelsUser;
import io.github.togglapi.client.model.SsoConfigResult;
import io.github.togglapi.client.model.SsoConfirmation;
import io.github.togglapi.client.model.SsoState;

/**
 * Application code that touches the models, the API and the errors, compiled with -Xlint:all
 * -Werror against nothing but the SDK and what its POM brings: javac reads the models' annotations
 * (Swagger's {@code @Schema} with {@code requiredMode}, JSpecify's) from the SDK's class files.
 */
public final class SignUp {
  private SignUp() {
  }

  /** Signs a user up (every required field of MePostUser set), then signs in with a session. */
  public static String run(ApiClient client) throws ApiException {
    AuthenticationApi api = new AuthenticationApi(client);
    MePostUser user = new MePostUser()
        .email("ada@example.com")
        .password("correct-horse")
        .tosAccepted(true)
        .timezone("Europe/London")
        .workspace(new MePostInitialWorkspace().name("Analytical Engines"));
    ModelsTogglUser created = api.postSignup(user);
    client.setUsername(user.getEmail()).setPassword(user.getPassword());
    ApiResponse<ModelsUser> session = api.meSessionsPostWithHttpInfo(
        new MePostSessionHandlerRequestBody().rememberMe(Boolean.TRUE));
    ModelsUser me = session.getData();
    Session saved = client.getSession();
    return created.getEmail() + " " + me.getId() + " " + session.getStatusCode() + " " + saved.isEmpty();
  }

  /** Everything else a user builds or catches, so that javac reads it too. */
  static String configure(AuthenticationApi api, long workspaceId) throws ApiException {
    try {
      ModelsSSOConfig config = new ModelsSSOConfig().domain("example.com").enabled(Boolean.TRUE)
          .entityId("https://idp.example.com").metadataUrl("https://idp.example.com/metadata");
      ModelsSSOConfig saved = api.postWorkspaceSso(workspaceId, config);
      SsoState state = api.patchWorkspaceSso(workspaceId, new SsoState().enabled(Boolean.FALSE));
      SsoConfigResult result = api.getWorkspaceSso(workspaceId);
      String confirmed = api.postEnableSso(new SsoConfirmation().confirmationCode("123456"));
      return saved.getName() + state.getEnabled() + result.getConfig() + confirmed;
    } catch (AuthenticationException e) {
      return "sign in again: " + e.getCode();
    } catch (QuotaExceededException e) {
      return "quota: " + e.getResetsIn();
    }
  }
}
