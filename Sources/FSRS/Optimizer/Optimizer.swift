import Foundation

/// Fits FSRS-6's 21 weights to one student's review history, following
/// fsrs-rs (`compute_parameters`): outlier filter, pre-training of the
/// initial stabilities, then Adam on all weights over mini-batches of items
/// of similar length with a cosine learning rate, recency-weighted log loss,
/// a penalty towards the starting weights, and clipping after every step;
/// the batches come in fsrs-rs's own order (`BatchShuffle`), so the fit
/// follows fsrs-rs's path, and the weights after the last step are kept.
/// Pure and deterministic: the same set and configuration give the same bits.
public enum Optimizer {
    /// Below this many training items the defaults are kept (fsrs-rs: 8).
    public static let minimumItemsForAnything = 8
    /// Below this many training items only w0 … w3 are fitted (fsrs-rs: 64).
    public static let minimumItemsForTraining = 64

    /// fsrs-rs's spread of each weight across its users' fits: the penalty
    /// of a weight is divided by its square, so common values cost little.
    static let spread: [Double] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
        1.03, 0.31, 0.32, 0.14, 0.27,
    ]

    /// Fits the weights to the items of `set`.
    public static func fit(_ set: TrainingSet, configuration: OptimizerConfiguration = OptimizerConfiguration())
        -> OptimizerResult
    {
        let filtered = OutlierFilter(set, enabled: configuration.filtersOutliers)
        let training = filtered.training
        func result(_ parameters: [Double], _ outcome: OptimizerResult.Outcome) -> OptimizerResult {
            OptimizerResult(
                parameters: parameters, outcome: outcome, trainingItemCount: training.count,
                itemCount: set.items.count)
        }
        guard training.count >= minimumItemsForAnything else {
            return result(FSRSParameters.defaults, .defaults)
        }
        let averageRecall =
            Double(training.reduce(0) { $0 + (set.recalled($1) ? 1 : 0) }) / Double(training.count)
        let initial = InitialStability.fit(filtered.firstIntervals, in: set, averageRecall: averageRecall)
        var start = FSRSParameters.defaults
        if let initial { start.replaceSubrange(0..<4, with: initial.stabilities) }
        if training.count == filtered.firstIntervals.count || training.count < minimumItemsForTraining
            || !configuration.fitsAllWeights
        {
            return result(start, .initialStabilityOnly)
        }
        let kept = training.filter { $0.target + 1 <= configuration.maximumSequenceLength }
        let weights = training.indices.map { RecencyWeight.weight(index: $0, count: training.count) }
        var keptWeights: [Double] = []
        keptWeights.reserveCapacity(kept.count)
        for (index, item) in training.enumerated() where item.target + 1 <= configuration.maximumSequenceLength {
            keptWeights.append(weights[index])
        }
        var trained = train(
            set, items: kept, weights: keptWeights, start: start, configuration: configuration)
        // As fsrs-rs: the trained initial stabilities are made increasing again.
        if let initial {
            var byRating: [Int: Double] = [:]
            for rating in 1...4 { byRating[rating] = trained[rating - 1] }
            if let smoothed = InitialStability.smoothAndFill(byRating, counts: initial.counts) {
                trained.replaceSubrange(0..<4, with: smoothed)
            }
        }
        guard trained.allSatisfy(\.isFinite) else { return result(start, .initialStabilityOnly) }
        return result(trained, .trained)
    }

    /// One mini-batch: cards, each replayed once for all its items in the batch.
    struct Batch {
        /// Per card: sequence, reviews to replay, and its targets' range.
        var cards: [(sequence: Int, length: Int, targets: Range<Int>)] = []
        /// Target positions within their card, grouped by card.
        var positions: [Int] = []
        /// Loss weight of each target.
        var weights: [Double] = []

        /// The batch's weighted log loss under `replay`'s weights; with a
        /// `gradient` (21 entries), its gradient is added there.
        func loss(
            _ replay: SequenceReplay, in set: TrainingSet, steps: inout [SequenceReplay.Step],
            gradient: UnsafeMutableBufferPointer<Double>?
        ) -> Double {
            var loss = 0.0
            set.ratings.withUnsafeBufferPointer { ratings in
                set.elapsed.withUnsafeBufferPointer { elapsed in
                    positions.withUnsafeBufferPointer { positions in
                        weights.withUnsafeBufferPointer { weights in
                            for card in cards {
                                loss += replay.forward(
                                    ratings: ratings, elapsed: elapsed, start: set.sequenceStarts[card.sequence],
                                    count: card.length,
                                    targets: SequenceReplay.Targets(
                                        positions: positions, weights: weights, range: card.targets),
                                    steps: &steps)
                                if let gradient {
                                    replay.backward(steps: steps, count: card.length, gradient: gradient)
                                }
                            }
                        }
                    }
                }
            }
            return loss
        }
    }

    /// Groups items by card (cards with fewer reviews first) and fills
    /// batches of at most `size` predictions, never splitting a card.
    static func batches(_ set: TrainingSet, items: [TrainingItem], weights: [Double], size: Int) -> [Batch] {
        var byCard: [Int: [(position: Int, weight: Double)]] = [:]
        for (item, weight) in zip(items, weights) {
            byCard[item.sequence, default: []].append((item.target, weight))
        }
        let cards = byCard.keys.sorted().map { sequence -> (Int, [(position: Int, weight: Double)]) in
            (sequence, byCard[sequence, default: []].sorted { $0.position < $1.position })
        }.sorted { a, b in
            let la = a.1.last?.position ?? 0
            let lb = b.1.last?.position ?? 0
            return la != lb ? la < lb : a.0 < b.0
        }
        var batches: [Batch] = []
        var current = Batch()
        for (sequence, targets) in cards {
            if !current.cards.isEmpty && current.positions.count + targets.count > size {
                batches.append(current)
                current = Batch()
            }
            let first = current.positions.count
            for target in targets {
                current.positions.append(target.position)
                current.weights.append(target.weight)
            }
            let length = (targets.last?.position ?? 0) + 1
            current.cards.append((sequence, length, first..<current.positions.count))
        }
        if !current.cards.isEmpty { batches.append(current) }
        return batches
    }

    /// fsrs-rs's batches when it does not know the cards: items sorted by
    /// length (stable), `size` to a batch. Items of one card that land in the
    /// same batch share one replay (their gradients add up the same).
    static func batchesByLength(items: [TrainingItem], weights: [Double], size: Int) -> [Batch] {
        let order = items.indices.sorted { a, b in
            items[a].target != items[b].target ? items[a].target < items[b].target : a < b
        }
        var batches: [Batch] = []
        var chunkStart = 0
        while chunkStart < order.count {
            let chunk = order[chunkStart..<min(chunkStart + size, order.count)]
            chunkStart += size
            // Group by card, targets in increasing position (the chunk is sorted by length).
            var byCard: [Int: [Int]] = [:]
            var cardOrder: [Int] = []
            for index in chunk {
                let sequence = items[index].sequence
                if byCard[sequence] == nil { cardOrder.append(sequence) }
                byCard[sequence, default: []].append(index)
            }
            var batch = Batch()
            for sequence in cardOrder {
                let members = byCard[sequence, default: []]
                let first = batch.positions.count
                for index in members {
                    batch.positions.append(items[index].target)
                    batch.weights.append(weights[index])
                }
                let length = (members.last.map { items[$0].target } ?? 0) + 1
                batch.cards.append((sequence, length, first..<batch.positions.count))
            }
            batches.append(batch)
        }
        return batches
    }

    /// Adam over the batches for the configured epochs.
    static func train(
        _ set: TrainingSet, items: [TrainingItem], weights: [Double], start: [Double],
        configuration: OptimizerConfiguration
    ) -> [Double] {
        let batchSize = max(1, configuration.batchSize)
        let batches =
            configuration.batchesByCard
            ? batches(set, items: items, weights: weights, size: batchSize)
            : batchesByLength(items: items, weights: weights, size: batchSize)
        let total = items.count
        let schedule = CosineSchedule(
            initialRate: configuration.learningRate,
            totalSteps: Double((total / batchSize + 1) * configuration.epochs))
        // As fsrs-rs, the weights after the last step are the result. (Keeping
        // the epoch with the lowest training objective, py-fsrs's rule, kept a
        // student's pre-trained start whose held-out log loss was 1 % worse
        // than the trained weights'; `jatta optimize` keeps new weights only
        // when they fit the student's reviews better, as Anki does.)
        var w = start
        var adam = AdamStep()
        var shuffle = BatchShuffle(seed: configuration.seed)
        var steps: [SequenceReplay.Step] = []
        var gradient = [Double](repeating: 0, count: FSRSParameters.count)
        var stepIndex = 0
        for _ in 0..<configuration.epochs {
            for batchIndex in shuffle.order(batches.count) {
                let batch = batches[batchIndex]
                for i in 0..<gradient.count { gradient[i] = 0 }
                let replay = SequenceReplay(weights: w)
                gradient.withUnsafeMutableBufferPointer { g in
                    _ = batch.loss(replay, in: set, steps: &steps, gradient: g)
                }
                // The penalty towards the starting weights, in proportion to the batch.
                let scale = configuration.penaltyWeight * Double(batch.positions.count) / Double(total)
                for i in 0..<FSRSParameters.count {
                    gradient[i] += 2 * (w[i] - start[i]) / (spread[i] * spread[i]) * scale
                }
                adam.step(&w, gradient: gradient, rate: schedule.rate(at: stepIndex))
                stepIndex += 1
                ParameterClipping.clip(&w, relearningSteps: configuration.relearningSteps)
            }
        }
        return w
    }
}
