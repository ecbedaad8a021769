import { everyRouteRefusesHostileInputAs } from "../helpers/hostile-input";

everyRouteRefusesHostileInputAs("admin@demo.skhodynky.org");
