package io.herokusdk.api.data;

import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The Data API endpoints the CLI uses; JSON as maps, turned into records by {@link Json}. */
interface DataService {
  @GET("client/v11/databases/{db}")
  Call<Map<String, Object>> database(@Path(value = "db", encoded = true) String db);

  @GET("client/v11/databases/{db}/wait_status")
  Call<Map<String, Object>> waitStatus(@Path(value = "db", encoded = true) String db);

  @POST("client/v11/databases/{db}/backups")
  Call<Map<String, Object>> capture(@Path(value = "db", encoded = true) String db,
      @Body Map<String, Object> body);

  @GET("client/v11/apps/{app}/transfers")
  Call<List<Map<String, Object>>> transfers(@Path(value = "app", encoded = true) String app);

  @GET("client/v11/apps/{app}/transfers/{num}")
  Call<Map<String, Object>> transfer(@Path(value = "app", encoded = true) String app,
      @Path("num") int num, @Query("verbose") boolean verbose);

  @POST("client/v11/apps/{app}/transfers/{num}/actions/public-url")
  Call<Map<String, Object>> publicUrl(@Path(value = "app", encoded = true) String app,
      @Path("num") int num, @Body Map<String, Object> body);

  @POST("client/v11/apps/{app}/transfers/{uuid}/actions/cancel")
  Call<Map<String, Object>> cancel(@Path(value = "app", encoded = true) String app,
      @Path(value = "uuid", encoded = true) String uuid, @Body Map<String, Object> body);

  @DELETE("client/v11/apps/{app}/transfers/{num}")
  Call<Map<String, Object>> delete(@Path(value = "app", encoded = true) String app,
      @Path("num") int num);

  @POST("client/v11/databases/{db}/restores")
  Call<Map<String, Object>> restore(@Path(value = "db", encoded = true) String db,
      @Body Map<String, Object> body);

  @GET("client/v11/databases/{db}/transfer-schedules")
  Call<List<Map<String, Object>>> schedules(@Path(value = "db", encoded = true) String db);

  @POST("client/v11/databases/{db}/transfer-schedules")
  Call<Map<String, Object>> schedule(@Path(value = "db", encoded = true) String db,
      @Body Map<String, Object> body);

  @DELETE("client/v11/databases/{db}/transfer-schedules/{uuid}")
  Call<Map<String, Object>> unschedule(@Path(value = "db", encoded = true) String db,
      @Path(value = "uuid", encoded = true) String uuid);

  @PUT("client/v11/databases/{db}/unfollow")
  Call<Map<String, Object>> unfollow(@Path(value = "db", encoded = true) String db,
      @Body Map<String, Object> body);

  @POST("client/v11/databases/{db}/connection_reset")
  Call<Map<String, Object>> connectionReset(@Path(value = "db", encoded = true) String db,
      @Body Map<String, Object> body);

  @POST("client/v11/databases/{db}/connection-pooling")
  Call<Map<String, Object>> connectionPooling(@Path(value = "db", encoded = true) String db,
      @Body Map<String, Object> body);

  @GET("postgres/v0/databases/{db}/credentials")
  Call<List<Map<String, Object>>> credentials(@Path(value = "db", encoded = true) String db);

  @POST("postgres/v0/databases/{db}/credentials")
  Call<Map<String, Object>> createCredential(@Path(value = "db", encoded = true) String db,
      @Body Map<String, Object> body);

  @POST("postgres/v0/databases/{db}/credentials/{name}/credentials_rotation")
  Call<Map<String, Object>> rotateCredential(@Path(value = "db", encoded = true) String db,
      @Path(value = "name", encoded = true) String name, @Body Map<String, Object> body);

  @POST("postgres/v0/databases/{db}/credentials_rotation")
  Call<Map<String, Object>> rotateAllCredentials(@Path(value = "db", encoded = true) String db,
      @Body Map<String, Object> body);

  @GET("redis/v0/databases/{db}")
  Call<Map<String, Object>> redis(@Path(value = "db", encoded = true) String db);

  @PATCH("redis/v0/databases/{db}/config")
  Call<Map<String, Object>> redisConfig(@Path(value = "db", encoded = true) String db,
      @Body Map<String, Object> body);

  @GET("redis/v0/databases/{db}/wait")
  Call<Map<String, Object>> redisWait(@Path(value = "db", encoded = true) String db);

  @POST("redis/v0/databases/{db}/credentials_rotation")
  Call<Map<String, Object>> redisRotate(@Path(value = "db", encoded = true) String db,
      @Body Map<String, Object> body);
}
