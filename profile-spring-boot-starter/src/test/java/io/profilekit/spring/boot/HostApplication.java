package io.profilekit.spring.boot;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A host application of its own: a controller at {@code /} and its own {@code /api/users}. */
@SpringBootApplication
class HostApplication {

    @RestController
    static class HostController {

        @GetMapping("/")
        String home() {
            return "the host's home";
        }

        @GetMapping("/api/users")
        String users() {
            return "the host's users";
        }
    }
}
