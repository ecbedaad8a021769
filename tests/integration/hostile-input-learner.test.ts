import { everyRouteRefusesHostileInputAs } from "../helpers/hostile-input";

everyRouteRefusesHostileInputAs("learner@demo.skhodynky.org");
