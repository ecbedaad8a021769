import { everyRouteRefusesHostileInputAs } from "../helpers/hostile-input";

everyRouteRefusesHostileInputAs("curator@demo.skhodynky.org");
