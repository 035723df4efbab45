package io.profilekit.spring.boot;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A host application of its own: a controller at {@code /} and its own {@code /api/users}. */
@SpringBootApplication
class HostApplication {

    @RestController
    static class HostController {

        private final ProfileRepository profiles;

        HostController(ProfileRepository profiles) {
            this.profiles = profiles;
        }

        /** The host's own route over profilekit's repository: its answer is the profile document. */
        @GetMapping("/host/people/{id}")
        Profile person(@PathVariable("id") long id) {
            return profiles.findById(id).orElseThrow().profile();
        }

        /** A profile the host is sent, read as a profile document. */
        @PostMapping("/host/people/echo")
        Profile echo(@RequestBody Profile profile) {
            return profile;
        }

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
