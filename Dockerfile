# syntax=docker/dockerfile:1
# The CSMS as a container: built with the Maven wrapper, run as a layered Spring Boot jar by a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q -ntp dependency:go-offline
COPY src src
RUN ./mvnw -B -q -ntp package -DskipTests \
 && java -Djarmode=tools -jar target/csms-*.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 csms && useradd --system --uid 10001 --gid csms --no-create-home csms
WORKDIR /app
# Least-changing layers first, so a code change rebuilds only the last one.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER csms
EXPOSE 3000 3001 9000
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/3000 && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:ThreadPriorityPolicy=1", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "org.springframework.boot.loader.launch.JarLauncher"]
